"use strict";
// Child process entry of the record stage: a fresh Node process per program, so the Pulumi runtime's
// global state never leaks between programs. It ends itself when the checker is gone (parent-watch).
require("./internal").startedByChecker("bin/record-child.js");
require("./parent-watch").then(() => {
  require("./ts-hook");
  require("../checker/record/child").main();
});
