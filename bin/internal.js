"use strict";
// The processes the checker starts (program recorder, pack runner) get what they need from it: a spec
// in their environment, an IPC channel, a pack folder as working directory. Run by hand they would fail
// deep inside with a TypeError, or serve a pack nobody talks to, so each refuses with one line. The
// checker marks the processes it starts with its own pid (PIPELINE_CHECK_PARENT); the mark is only
// taken from the process's actual parent, so a program that starts one of these entries cannot pass it on.

/**
 * Ends this process with one line on stderr and exit 2: `name` is not a command of its own.
 * @param {string} name
 * @param {string} [instead] what to do instead
 * @returns {never}
 */
function refuse(name, instead = "run npm run check") {
  process.stderr.write(`${name} is internal to pipeline-check and is not run on its own; ${instead}\n`);
  process.exit(2);
}
exports.refuse = refuse;

/**
 * Refuses unless the checker started this process (PARENT_MARK in checker/serve/processes.ts).
 * @param {string} name
 */
exports.startedByChecker = (name) => {
  if (process.env.PIPELINE_CHECK_PARENT !== String(process.ppid)) {
    refuse(name);
  }
};

if (require.main === module) {
  refuse("bin/internal.js");
}
