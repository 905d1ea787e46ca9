// Compares bin/ts-hook.js with TypeScript loaders from npm on the checker's own start-up: wall time
// of `node bin/pipeline-check.js` on the reference stack, with each loader's transpile cache emptied
// before every run (cold) and kept (warm), and whether a program's error still names its .ts line.
// Figures only, for deciding which loader the kit uses; the candidates are not dependencies.
// Usage: node -r ./bin/ts-hook.js bench/loaders.ts [--runs N] [--candidate MODULE]...
// MODULE is what a candidate registers with (`tsx/cjs`, `@swc-node/register`, `esbuild-register`,
// `sucrase/register`), resolved from the current directory, so install them anywhere above it or pass
// an absolute path.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..");
// A program that throws on its third line: the checker must report `(…index.ts:3)`.
const THROWS = 'import * as aws from "@pulumi/aws";\nnew aws.s3.Bucket("b");\nthrow new Error("boom");\n';

interface Figures {
  loader: string;
  coldMs: number[];
  warmMs: number[];
  location: string;
}

function option(name: string): string[] {
  return process.argv.flatMap((a, i) => (process.argv[i - 1] === name ? [a] : []));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

/**
 * A copy of the repository (node_modules linked, caches left out); with a `candidate`, its
 * bin/ts-hook.js only registers that, so the checker and every process it starts load TypeScript through it.
 */
function treeFor(candidate?: string): string {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), "bench-loader-"));
  const files = spawnSync("git", ["ls-files", "-co", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" })
    .stdout.split("\n")
    .filter(Boolean);
  for (const file of files) {
    if (fs.existsSync(path.join(ROOT, file))) {
      fs.mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, file), path.join(tree, file));
    }
  }
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(tree, "node_modules"));
  if (candidate === undefined) {
    return tree;
  }
  const registered = require.resolve(candidate, { paths: [process.cwd()] });
  // mapStackFrames is the pack runner's call into ts-hook; a candidate maps (or not) on its own.
  fs.writeFileSync(path.join(tree, "bin", "ts-hook.js"), `require(${JSON.stringify(registered)});\nexports.mapStackFrames = () => {};\n`);
  return tree;
}

function run(tree: string, tmp: string, args: string[]): { ms: number; status: number | null; stdout: string; stderr: string } {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [path.join(tree, "bin", "pipeline-check.js"), ...args], {
    cwd: tree,
    encoding: "utf8",
    maxBuffer: 1 << 30,
    env: { ...process.env, TMPDIR: tmp },
  });
  return { ms: Number((process.hrtime.bigint() - started) / 1_000_000n), status: child.status, stdout: child.stdout, stderr: child.stderr };
}

function measure(loader: string, tree: string, runs: number): Figures {
  const log = (m: string): void => {
    process.stderr.write(`${loader}: ${m}\n`);
  };
  // Loaders that cache under the temporary folder (tsx) get one of their own, emptied for cold runs.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bench-loader-tmp-"));
  const empty = (): void => {
    fs.rmSync(path.join(tree, ".check-cache", "ts"), { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.mkdirSync(tmp);
  };
  const check = (): number => {
    const r = run(tree, tmp, ["--format", "json"]);
    if (r.status !== 0) {
      throw new Error(`${loader}: pipeline-check exited ${r.status}: ${r.stderr.trim().split("\n").slice(-3).join(" | ")}`);
    }
    return r.ms;
  };
  // Unmeasured: fills the pack's compile cache, which no loader touches.
  check();
  const coldMs: number[] = [];
  const warmMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    empty();
    coldMs.push(check());
    warmMs.push(check());
    log(`run ${i + 1}: cold ${coldMs[i]} ms, warm ${warmMs[i]} ms`);
  }
  const program = path.join(tree, ".bench-throws", "index.ts");
  fs.mkdirSync(path.dirname(program), { recursive: true });
  fs.writeFileSync(program, THROWS);
  const failed = run(tree, tmp, [program, "--policy-pack", path.join(tree, "policies")]);
  const location = failed.stderr.split("\n").find((l) => l.includes("boom")) ?? `exit ${failed.status}, no error line`;
  fs.rmSync(tmp, { recursive: true, force: true });
  return { loader, coldMs, warmMs, location };
}

function main(): void {
  const runs = Number(option("--runs")[0] ?? 5);
  const results: Figures[] = [];
  const trees: string[] = [];
  try {
    for (const candidate of [undefined, ...option("--candidate")]) {
      const tree = treeFor(candidate);
      trees.push(tree);
      results.push(measure(candidate ?? "bin/ts-hook.js", tree, runs));
    }
  } finally {
    for (const tree of trees) {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  }
  console.log(`${"loader".padEnd(22)} ${"cold median".padStart(12)} ${"warm median".padStart(12)}  program error line`);
  for (const r of results) {
    console.log(
      `${r.loader.padEnd(22)} ${`${median(r.coldMs)} ms`.padStart(12)} ${`${median(r.warmMs)} ms`.padStart(12)}  ${r.location.trim()}`,
    );
  }
  console.log(
    `(${runs} runs each, ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")})`,
  );
}

main();
