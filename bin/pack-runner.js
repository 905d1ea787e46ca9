"use strict";
// Child process entry of the kit's pack launcher: loads the pack in the current directory from its
// compile cache (see checker/serve/packRunner.ts). It ends itself when the checker is gone (parent-watch).
require("./internal").startedByChecker("bin/pack-runner.js");
require("./parent-watch").then(() => {
  require("./ts-hook");
  require("../checker/serve/packRunner").main();
});
