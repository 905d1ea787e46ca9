#!/usr/bin/env node
"use strict";
// Starts the TypeScript CLI without a build step.
require("./command").runCommand("../checker/cli");
