#!/usr/bin/env node
"use strict";
// npm start: the reference stack and every fixture through one policy pack process.
require("./ts-hook");
require("../checker/start")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
