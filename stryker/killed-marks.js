// Mutation runs only (stryker.config.mjs). Stryker's jest runner cannot bail: a mutant's run goes on through
// every covering test file after one has failed, and each file loads the pack and the Pulumi SDK again. A test
// file that fails marks its mutant killed, and the covering files left are not loaded (jest-circus-bail.js):
// the run ends with the same verdict, killed, in a fraction of the time.
const fs = require("node:fs");
const path = require("node:path");

// Inside the sandbox Stryker copies the repository into (jest loads this from there), so no run sees another
// run's marks.
const KILLED_DIR = path.join(__dirname, "..", ".stryker-killed");

/** The mutant Stryker is running the tests against; undefined in the dry run. */
exports.activeMutant = () => process.env.__STRYKER_ACTIVE_MUTANT__;

/** Records that a test failed with `mutant` active. */
exports.markKilled = (mutant) => {
  fs.mkdirSync(KILLED_DIR, { recursive: true });
  fs.writeFileSync(path.join(KILLED_DIR, mutant), "");
};

/** Whether a test has failed with `mutant` active. */
exports.isKilled = (mutant) => fs.existsSync(path.join(KILLED_DIR, mutant));
