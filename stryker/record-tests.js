// Mutation runs only (stryker.config.mjs): records the file of every test that runs, so that a mutant's
// run loads only the files of the tests that cover it (sequencer.js). The dry run runs every test, so
// every test is recorded before the first mutant runs.
const fs = require("node:fs");
const { TESTS_FILE } = require("./tests-file");

afterEach(() => {
  const { testPath, currentTestName } = expect.getState();
  fs.appendFileSync(TESTS_FILE, `${JSON.stringify({ testPath, name: currentTestName })}\n`);
});
