#!/usr/bin/env node
"use strict";
// Starts the TypeScript CLI without a build step.
require("./ts-hook");
require("../checker/cli")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
