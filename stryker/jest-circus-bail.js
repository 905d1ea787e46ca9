// Mutation runs only: jest's default test runner, jest-circus, except that a test file is not loaded at all
// when the active mutant is already killed (killed-marks.js says why). The file name keeps "jest-circus":
// Stryker's per-test coverage accepts only a runner whose name says it is jest-circus.
const runCircus = require("jest-circus/runner").default;
const { createEmptyTestResult } = require("@jest/test-result");
const { activeMutant, isKilled, markKilled } = require("./killed-marks");

module.exports = async function jestCircusBail(globalConfig, config, environment, runtime, testPath, sendMessageToJest) {
  const mutant = activeMutant();
  if (mutant === undefined) {
    return runCircus(globalConfig, config, environment, runtime, testPath, sendMessageToJest);
  }
  if (isKilled(mutant)) {
    // One skipped test: jest refuses a file that reports none.
    const title = `not loaded: mutant ${mutant} is killed`;
    const skipped = { ancestorTitles: [], title, fullName: title, status: "pending", failureMessages: [], failureDetails: [] };
    return { ...createEmptyTestResult(), testFilePath: testPath, numPendingTests: 1, testResults: [skipped] };
  }
  const result = await runCircus(globalConfig, config, environment, runtime, testPath, sendMessageToJest);
  if (result.numFailingTests > 0 || result.testExecError !== undefined) {
    markKilled(mutant);
  }
  return result;
};
