// Mutation testing of the policy pack (`npm run test:mutation`; README.md, Tests and scripts). Not part of `npm test`
// or CI: a full run takes far longer than the rest of the suite.
import { createRequire } from "node:module";

const jestConfig = createRequire(import.meta.url)("./jest.config.js");
const project = (name) => jestConfig.projects.find((p) => p.displayName === name);
const policy = project("policy");
// `MUTATION_TESTS=tests/policy/s3,tests/policy/docs.test.ts` narrows the tests to those folders and files, so
// that a run over a few policies does not start with a dry run of the whole policy suite.
const narrowed = process.env.MUTATION_TESTS?.split(",").map((entry) =>
  entry.endsWith(".ts") ? `<rootDir>/${entry}` : `<rootDir>/${entry.replace(/\/$/, "")}/**/*.test.ts`,
);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    "policies/**/*.ts",
    // These only list policies; their mutants are killed by the pack-shape tests or are not code.
    "!policies/index.ts",
    "!policies/*/index.ts",
  ],
  testRunner: "jest",
  jest: {
    projectType: "custom",
    // One flat project built from the repository's `policy` project: Stryker's coverage analysis hooks
    // the root config's test environment, which a `projects` list bypasses.
    config: {
      rootDir: ".",
      // Only these folders are crawled for tests and modules; the rest of the repository is not the pack's.
      roots: ["<rootDir>/policies", "<rootDir>/tests"],
      testEnvironment: policy.testEnvironment,
      // Jest's default runner, made to stop a mutant's run at its first failing file (stryker/killed-marks.js).
      testRunner: "<rootDir>/stryker/jest-circus-bail.js",
      transform: policy.transform,
      moduleFileExtensions: policy.moduleFileExtensions,
      testMatch: narrowed ?? policy.testMatch,
      // These run every policy at once (the engine path with pack processes, the provider typings scan):
      // they would cover every mutant and take minutes per mutant, while the per-policy tests decide
      // them. The `fuzz` project is left out for the same reason (its policy oracle runs for minutes).
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/policy/engine/", "<rootDir>/tests/policy/drift/"],
      // Where the time goes is loading: each test file loads the pack and the Pulumi SDK again, for every
      // mutant. These cut what is loaded (stryker/*.js says how); the tests themselves run as in `npm test`.
      moduleNameMapper: { "^@npmcli/arborist$": "<rootDir>/stryker/unused-module.js" },
      setupFilesAfterEnv: ["<rootDir>/stryker/record-tests.js"],
      testSequencer: "<rootDir>/stryker/sequencer.js",
    },
    enableFindRelatedTests: false,
  },
  checkers: ["typescript"],
  // The pack's own tsconfig (it is publishable alone): the checker compiles the pack, not the whole repository.
  tsconfigFile: "policies/tsconfig.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: "perTest",
  // A static mutant (in code that runs when a module loads: the policies' docs, constant tables) is
  // covered by no test in particular, so each one runs every selected test file: minutes per mutant, and
  // on a busy machine most of them end as timeouts, which Stryker counts as detected. They are left out
  // of the score and counted as ignored in the report, so the score covers the code that runs per resource.
  ignoreStatic: true,
  // The dry run executes the policy suite in one process with coverage: minutes, not seconds.
  dryRunTimeoutMinutes: 30,
  // A mutant's tests load the whole pack, seconds on a busy machine: a tight timeout would count slow
  // runs as killed (timed out) and restart the test runner each time.
  timeoutMS: 30000,
  // Stryker gives half of this to type-checker processes and hands them to test runners once checking ends:
  // 3 keeps two test runners busy on a 2-core machine.
  concurrency: 3,
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  thresholds: { high: 90, low: 80, break: null },
};
