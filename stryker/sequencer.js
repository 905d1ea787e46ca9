// Mutation runs only (stryker.config.mjs). Stryker selects a mutant's covering tests with a test name
// pattern, but jest still loads every test file to find them, and each file loads the whole pack and the
// Pulumi SDK (seconds). This drops the files whose tests, as the dry run recorded them, all miss the pattern.
const fs = require("node:fs");
const Sequencer = require("@jest/test-sequencer").default;
const { TESTS_FILE } = require("./tests-file");

/** Test names per test file (a test that ran several times is recorded several times); empty before the dry run. */
function recordedTests() {
  const byFile = new Map();
  const lines = fs.existsSync(TESTS_FILE) ? fs.readFileSync(TESTS_FILE, "utf8").split("\n") : [];
  for (const line of lines.filter((entry) => entry !== "")) {
    const { testPath, name } = JSON.parse(line);
    byFile.set(testPath, (byFile.get(testPath) ?? new Set()).add(name));
  }
  return byFile;
}

module.exports = class MutantRunSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.testNamePattern = options.globalConfig.testNamePattern;
  }

  async sort(tests) {
    const sorted = await super.sort(tests);
    if (!this.testNamePattern) {
      return sorted;
    }
    // The flags jest itself uses for the pattern. A file the dry run did not record stays, to be safe.
    const pattern = new RegExp(this.testNamePattern, "i");
    const byFile = recordedTests();
    return sorted.filter((test) => !byFile.has(test.path) || [...byFile.get(test.path)].some((name) => pattern.test(name)));
  }
};
