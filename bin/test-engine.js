#!/usr/bin/env node
"use strict";
// `npm run test:engine [-- --runs N] [-- jest args]`: builds the pinned engine when Go is here (a no-op
// once built), then runs the real-engine conformance suite. `--runs N` sets how many generated programs
// the seeded generator checks (default 50); `--seed S` replays one run.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const args = process.argv.slice(2);
const env = { ...process.env };
const jestArgs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--runs" || args[i] === "--seed") {
    const value = args[++i];
    if (!/^\d+$/.test(value ?? "")) {
      console.error(`test:engine: ${args[i - 1]} needs a whole number, got ${value ?? "nothing"}`);
      process.exit(2);
    }
    env[args[i - 1] === "--runs" ? "ENGINE_RUNS" : "ENGINE_SEED"] = value;
  } else {
    jestArgs.push(args[i]);
  }
}
// Each run starts from empty work folders, so those of earlier runs (kept for inspection) do not pile up.
try {
  fs.rmSync(path.join(root, ".engine-work"), { recursive: true, force: true, maxRetries: 3 });
} catch (e) {
  const error = /** @type {NodeJS.ErrnoException} */ (e);
  console.error(`test:engine: could not empty .engine-work (${error.code ?? error.message}); another run may be using it`);
}
const hasGo = spawnSync("go", ["version"], { stdio: "ignore" }).status === 0;
if (hasGo && !env.PULUMI_ENGINE) {
  const build = spawnSync("bash", [path.join(root, "engine", "build.sh")], { stdio: "inherit", env });
  if (build.status !== 0) {
    process.exit(build.status ?? 1);
  }
}
const jest = spawnSync(process.execPath, [require.resolve("jest/bin/jest"), "--selectProjects", "engine", "--runInBand", ...jestArgs], {
  stdio: "inherit",
  env,
  cwd: root,
});
process.exit(jest.status ?? 1);
