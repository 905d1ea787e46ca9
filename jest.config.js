// One jest run, several projects: `npm test` runs them all with coverage; `test:<name>` selects one.
// ts-jest transpiles only (isolatedModules); `npm run typecheck` is the type gate.
const transform = { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] };
const project = (displayName, dir) => ({
  displayName,
  testEnvironment: "node",
  transform,
  moduleFileExtensions: ["ts", "js", "json"],
  testMatch: [`<rootDir>/tests/${dir}/**/*.test.ts`],
});
const full = { statements: 100, branches: 100, functions: 100, lines: 100 };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    project("unit", "unit"),
    project("policy", "policy"),
    project("checker", "checker"),
    project("verify", "verify"),
    project("repo", "repo"),
    project("fuzz", "fuzz"),
    project("integration", "integration"),
    // The real-engine conformance suite (`npm run test:engine`): not part of `npm test`, it builds and runs the Pulumi CLI.
    { ...project("engine", "engine"), globalSetup: "<rootDir>/tests/engine/global-setup.ts" },
  ],
  collectCoverageFrom: [
    "stack/**/*.ts",
    "policies/**/*.ts",
    "verify/**/*.ts",
    "infra/**/*.ts",
    "checker/**/*.ts",
    "model/**/*.ts",
    // These run only inside the processes the checker spawns (program recorder, pack runner), where jest
    // cannot instrument them; the CLI, fixture and hostile-input tests exercise them end to end.
    "!checker/record/child.ts",
    "!checker/record/deferred.ts",
    "!checker/serve/packRunner.ts",
    "!**/node_modules/**",
    "!**/*.d.ts",
  ],
  coverageReporters: ["text-summary", "lcov"],
  coverageThreshold: {
    "./stack/": full,
    "./policies/": full,
    "./verify/": full,
    "./infra/": full,
    // The checker's in-process code; what remains uncovered is mostly process-failure handling (signals, spawn
    // errors) that the hostile-input tests drive in child processes.
    "./checker/": { statements: 92, branches: 83, functions: 88, lines: 92 },
  },
};
