package main

import "encoding/json"

func configJSON(config map[string]string) (string, error) {
	if config == nil {
		config = map[string]string{}
	}
	data, err := json.Marshal(config)
	return string(data), err
}

func jsonStrings(values []string) (string, error) {
	if values == nil {
		values = []string{}
	}
	data, err := json.Marshal(values)
	return string(data), err
}
