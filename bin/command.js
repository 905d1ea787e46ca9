"use strict";
// What the kit's commands (pipeline-check, npm start) share: their TypeScript entry runs without a build
// step, and the code its main resolves with is the process's exit code.

/**
 * Runs `entry`'s main with this process's arguments and exits with the code it resolves with.
 * @param {string} entry a module path relative to bin/, exporting `main(args: string[]): Promise<number>`
 */
exports.runCommand = (entry) => {
  require("./ts-hook");
  /** @type {{ main(args: string[]): Promise<number> }} */
  const command = require(entry);
  command.main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
};

if (require.main === module) {
  require("./internal").refuse("bin/command.js");
}
