#!/usr/bin/env node
"use strict";
// npm start: the reference stack and every fixture through one policy pack process.
require("./command").runCommand("../checker/start");
