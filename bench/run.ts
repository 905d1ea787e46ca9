// npm run bench: wall times of the checker on this machine, printed as a table and written to
// .bench/results.json (bench/results.json with --save, see output.ts). Figures only; nothing here
// decides pass or fail except a check that cannot run.
// Usage: node -r ./bin/ts-hook.js bench/run.ts [--runs N] [--stack-runs N] [--engine-runs N]
//        [--audit-exports N] [--audit-sample N] [--save]
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { resolveProgram } from "../checker/record/program";
import { KIT_ROOT, recordProgram } from "../checker/record/run";
import { stackConfig } from "../checker/record/stackConfig";
import { engineLauncher, kitLauncher, type PackLauncher } from "../checker/serve/launcher";
import { cacheFile } from "../checker/serve/packRunner";
import type { Timings } from "../checker/types";
import { auditFigures, perExportOverAudit, writeAuditExports, type AuditFigures } from "./audit";
import { engineFigures } from "./engine";
import { writeResults } from "./output";
import { scaleRecording, toStackExport } from "./stacks";

const CLI = path.join(KIT_ROOT, "bin", "pipeline-check.js");
const PACK = path.join(KIT_ROOT, "policies");
const SIZES = [100, 1000, 10000];
const TARGETS = { checkColdMs: 2500, analyze10kMs: 5000, ratio10kTo1k: 12, peakMb10k: 400, auditMs: 60_000, checksOverAudit: 10 };
/** Resources per audit export, and every how many exports one fails kms-key-rotation. */
const AUDIT_SIZE = 100;
const AUDIT_FAIL_EVERY = 5;

interface Stats {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

function stats(runs: number[]): Stats {
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs };
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} expects a positive integer`);
  }
  return value;
}

interface Checked {
  wallMs: number;
  timings: Timings;
  resources: number;
  /** Peak resident memory of the checker and of its pack processes, MB (0 where unknown). */
  checkerPeakMb: number;
  packPeakMb: number;
}

/** One fresh CLI process; its own timings and memory come from the --verbose lines (stdout stays the report). */
function check(args: string[]): Checked {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [CLI, ...args, "--format", "json", "--verbose"], {
    cwd: KIT_ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  const wallMs = Number((process.hrtime.bigint() - started) / 1_000_000n);
  const line = /timings: record (\d+) ms, serve (\d+) ms, analyze (\d+) ms/.exec(run.stderr);
  if ((run.status !== 0 && run.status !== 1) || !line) {
    const reason = run.stderr.split("\n").find((l) => l.startsWith("pipeline-check:")) ?? `exit ${run.status}`;
    throw new Error(`pipeline-check ${args.join(" ")} could not run: ${reason}`);
  }
  const report = JSON.parse(run.stdout) as { resources: number };
  const memory = /memory: checker peak (\d+) MB, pack peak (\d+|unknown)/.exec(run.stderr);
  return {
    wallMs,
    timings: { record: Number(line[1]), serve: Number(line[2]), analyze: Number(line[3]) },
    resources: report.resources,
    checkerPeakMb: Number(memory?.[1] ?? 0),
    packPeakMb: Number(memory?.[2]) || 0,
  };
}

/** One audit of every export in `dir` against one check each of the first `sample` of `files`. */
function audit(dir: string, files: string[], sample: number, failing: number): AuditFigures {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [CLI, "--state", dir, "--format", "json"], {
    cwd: KIT_ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  const auditMs = Number((process.hrtime.bigint() - started) / 1_000_000n);
  const stacks = run.status === 0 || run.status === 1 ? (JSON.parse(run.stdout) as { stacks: unknown[] }).stacks.length : 0;
  if (stacks !== files.length) {
    throw new Error(`the audit of ${dir} could not run: exit ${run.status}, ${stacks} of ${files.length} stacks`);
  }
  const checks = files.slice(0, sample).map((file) => check(["--state", file]).wallMs);
  return auditFigures(files.length, AUDIT_SIZE, failing, auditMs, { checkMedianMs: stats(checks).median, sampled: checks.length });
}

/** Milliseconds from spawning a pack until it printed its port. */
async function packStart(launcher: PackLauncher): Promise<number> {
  const started = process.hrtime.bigint();
  const running = await launcher.start(PACK, { project: "bench", stack: "dev", organization: "organization", config: {} }, 300_000);
  const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
  running.stop();
  await running.exited;
  return ms;
}

function row(cells: (string | number)[]): string {
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(44) : String(c).padStart(10))).join(" ");
}

async function main(): Promise<void> {
  const runs = option("--runs", 5);
  const stackRuns = option("--stack-runs", 3);
  const log = (m: string): void => {
    process.stderr.write(`${m}\n`);
  };

  log(`cold check of the reference stack, ${runs} fresh processes ...`);
  // One unmeasured run first: fills the transpile and pack caches, as any run after a change does.
  check([]);
  const checks = Array.from({ length: runs }, () => check([]));

  log("pack start, engine's way against the kit's way ...");
  const engine: number[] = [];
  const kit: number[] = [];
  for (let i = 0; i < runs; i++) {
    engine.push(await packStart(engineLauncher));
    kit.push(await packStart(kitLauncher));
  }
  fs.rmSync(cacheFile(PACK), { force: true });
  const kitAfterChange = await packStart(kitLauncher);

  log("recording the reference stack for the generated stacks ...");
  const program = resolveProgram(KIT_ROOT, KIT_ROOT);
  const template = await recordProgram({
    target: program,
    stack: "dev",
    organization: "organization",
    config: stackConfig(program.projectDir, "dev", program.project, []),
    timeoutMs: 300_000,
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pipeline-check-bench-"));
  const analysis: Record<string, Stats & { resources: number; checkerPeakMb: number; packPeakMb: number }> = {};
  let auditRun: AuditFigures;
  try {
    for (const size of SIZES) {
      log(`analysis of ${size} resources, ${stackRuns} runs ...`);
      const file = path.join(dir, `stack-${size}.json`);
      fs.writeFileSync(file, JSON.stringify(toStackExport(scaleRecording(template, size))));
      const results = Array.from({ length: stackRuns }, () => check(["--state", file]));
      analysis[size] = {
        ...stats(results.map((r) => r.timings.analyze)),
        resources: results[0].resources,
        checkerPeakMb: Math.max(...results.map((r) => r.checkerPeakMb)),
        packPeakMb: Math.max(...results.map((r) => r.packPeakMb)),
      };
    }
    const exports = option("--audit-exports", 1000);
    const sample = Math.min(option("--audit-sample", 20), exports);
    log(`audit of ${exports} exports of ${AUDIT_SIZE} resources, then one check --state each for ${sample} of them ...`);
    const auditDir = path.join(dir, "audit");
    fs.mkdirSync(auditDir);
    const files = writeAuditExports(template, auditDir, exports, AUDIT_SIZE, AUDIT_FAIL_EVERY);
    auditRun = audit(auditDir, files, sample, Math.ceil(exports / AUDIT_FAIL_EVERY));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const real = await engineFigures(KIT_ROOT, option("--engine-runs", 3), log);
  let engineSection: Record<string, unknown> = { skipped: typeof real === "string" ? real : "" };
  const engineRows: string[] = [];
  if (typeof real !== "string") {
    log("check --state on the same export, for the ratio ...");
    const stateChecks = Array.from({ length: real.analyzeMs.length }, () => check(["--state", real.exportFile]));
    const preview = stats(real.previewMs);
    const analyze = stats(real.analyzeMs);
    const state = stats(stateChecks.map((c) => c.wallMs));
    const checkWall = stats(checks.map((c) => c.wallMs));
    engineSection = {
      version: real.version,
      previewMs: preview,
      policyAnalyzeMs: analyze,
      checkStateMs: state,
      previewOverCheck: Number((preview.median / checkWall.median).toFixed(2)),
      analyzeOverCheckState: Number((analyze.median / state.median).toFixed(2)),
      // The audit ratio: one `pulumi policy analyze` per export, timed on the reference export.
      policyAnalyzePerExportOverAudit: perExportOverAudit(analyze.median, auditRun.exports, auditRun.auditMs),
    };
    engineRows.push(
      row([`pulumi preview --policy-pack (${real.version})`, preview.median, `${preview.min}-${preview.max}`, ""]),
      row(["  preview / check", `${engineSection.previewOverCheck}x`, "", ""]),
      row(["pulumi policy analyze --file (export)", analyze.median, `${analyze.min}-${analyze.max}`, ""]),
      row(["check --state (same export)", state.median, `${state.min}-${state.max}`, ""]),
      row(["  policy analyze / check --state", `${engineSection.analyzeOverCheckState}x`, "", ""]),
      row([
        `  one policy analyze per audit export (extrapolated) / audit`,
        `${engineSection.policyAnalyzePerExportOverAudit}x`,
        "",
        `${TARGETS.checksOverAudit}x`,
      ]),
    );
  }

  const wall = stats(checks.map((c) => c.wallMs));
  const packRatio = stats(engine).median / stats(kit).median;
  const ratio10kTo1k = analysis[10000].median / analysis[1000].median;
  const peak = analysis[10000];
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model ?? "",
      loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
      node: process.version,
    },
    check: {
      command: "node bin/pipeline-check.js --format json",
      resources: checks[0].resources,
      wallMs: wall,
      recordMs: stats(checks.map((c) => c.timings.record)),
      serveMs: stats(checks.map((c) => c.timings.serve)),
      analyzeMs: stats(checks.map((c) => c.timings.analyze)),
    },
    packStart: {
      engineMs: stats(engine),
      kitMs: stats(kit),
      engineOverKit: Number(packRatio.toFixed(2)),
      kitAfterSourceChangeMs: kitAfterChange,
    },
    analysis: { ...analysis, ratio10kTo1k: Number(ratio10kTo1k.toFixed(2)) },
    audit: { command: "node bin/pipeline-check.js --state <dir> --format json", ...auditRun },
    realEngine: engineSection,
    targets: {
      checkColdMs: { target: TARGETS.checkColdMs, actual: wall.median, met: wall.median <= TARGETS.checkColdMs },
      analyze10kMs: { target: TARGETS.analyze10kMs, actual: analysis[10000].median, met: analysis[10000].median <= TARGETS.analyze10kMs },
      ratio10kTo1k: { target: TARGETS.ratio10kTo1k, actual: Number(ratio10kTo1k.toFixed(2)), met: ratio10kTo1k <= TARGETS.ratio10kTo1k },
      checkerPeakMb10k: { target: TARGETS.peakMb10k, actual: peak.checkerPeakMb, met: peak.checkerPeakMb <= TARGETS.peakMb10k },
      packPeakMb10k: { target: TARGETS.peakMb10k, actual: peak.packPeakMb, met: peak.packPeakMb <= TARGETS.peakMb10k },
      auditMs: { target: TARGETS.auditMs, actual: auditRun.auditMs, met: auditRun.auditMs <= TARGETS.auditMs },
      checksOverAudit: {
        target: TARGETS.checksOverAudit,
        actual: auditRun.checksOverAudit,
        met: auditRun.checksOverAudit >= TARGETS.checksOverAudit,
      },
    },
  };
  const written = writeResults(results, process.argv, KIT_ROOT);

  const spread = (s: Stats): string => `${s.min}-${s.max}`;
  const lines = [
    row(["figure", "median ms", "spread", "target"]),
    row([`check, reference stack (${checks[0].resources} resources), wall`, wall.median, spread(wall), TARGETS.checkColdMs]),
    row(["  record (program under mocks)", results.check.recordMs.median, spread(results.check.recordMs), ""]),
    row(["  serve (pack start, in parallel)", results.check.serveMs.median, spread(results.check.serveMs), ""]),
    row(["  analyze", results.check.analyzeMs.median, spread(results.check.analyzeMs), ""]),
    row(["pack start, engine's way (ts-node)", results.packStart.engineMs.median, spread(results.packStart.engineMs), ""]),
    row(["pack start, kit's way (compiled, cached)", results.packStart.kitMs.median, spread(results.packStart.kitMs), ""]),
    row(["  engine / kit", `${results.packStart.engineOverKit}x`, "", ""]),
    row(["  kit's way after a source change", kitAfterChange, "", ""]),
    ...SIZES.map((size) =>
      row([`analyze ${size} resources`, analysis[size].median, spread(analysis[size]), size === 10000 ? TARGETS.analyze10kMs : ""]),
    ),
    row(["  time(10k) / time(1k)", results.analysis.ratio10kTo1k, "", TARGETS.ratio10kTo1k]),
    row(["  peak memory at 10k, checker (MB)", peak.checkerPeakMb, "", TARGETS.peakMb10k]),
    row(["  peak memory at 10k, pack (MB)", peak.packPeakMb, "", TARGETS.peakMb10k]),
    row([`audit, ${auditRun.exports} exports of ${AUDIT_SIZE} (${auditRun.failing} failing)`, auditRun.auditMs, "", TARGETS.auditMs]),
    row([`  one check --state per export (${auditRun.sampled} run, extrapolated)`, auditRun.checksExtrapolatedMs, "", ""]),
    row(["  checks / audit", `${auditRun.checksOverAudit}x`, "", `${TARGETS.checksOverAudit}x`]),
    ...engineRows,
  ];
  if (typeof real === "string") {
    lines.push(real);
  }
  lines.push(written);
  process.stdout.write(`${lines.join("\n")}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
