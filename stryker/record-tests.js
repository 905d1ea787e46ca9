// Mutation runs only (stryker.config.mjs): records the file of every test that runs, so that a mutant's
// run loads only the files of the tests that cover it (sequencer.js). Only the dry run records: it runs
// every test before the first mutant, and Stryker names a mutant run's mutant in this variable.
const fs = require("node:fs");
const { TESTS_FILE } = require("./tests-file");

if (process.env.__STRYKER_ACTIVE_MUTANT__ === undefined) {
  afterEach(() => {
    const { testPath, currentTestName } = expect.getState();
    fs.appendFileSync(TESTS_FILE, `${JSON.stringify({ testPath, name: currentTestName })}\n`);
  });
}
