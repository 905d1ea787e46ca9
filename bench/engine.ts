// The real engine beside the checker, in the same bench run: `pulumi preview --policy-pack policies`
// on the reference stack against `check`, and `pulumi policy analyze` on the stack's export against
// `check --state` on the same file. Skipped (and said so) when no engine is built or on PATH.
import * as path from "path";
import { exportAndAnalyze } from "../engine/conformance/analyze";
import { locateEngine } from "../engine/conformance/locate";
import { runThroughEngine, type EngineTarget } from "../engine/conformance/preview";

/** Wall times in ms of each engine run. */
export interface EngineFigures {
  version: string;
  previewMs: number[];
  analyzeMs: number[];
  /** The export `pulumi policy analyze` read, for `check --state` on the same file. */
  exportFile: string;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await work();
  return { ms: Number((process.hrtime.bigint() - started) / 1_000_000n), value };
}

export async function engineFigures(kitRoot: string, runs: number, log: (m: string) => void): Promise<EngineFigures | string> {
  const engine = locateEngine();
  if ("skip" in engine) {
    return engine.skip;
  }
  const target = (label: string): EngineTarget => ({
    label,
    project: "pipeline-compliance-kit",
    entry: path.join(kitRoot, "stack", "index.ts"),
    stack: "dev",
    projectFile: path.join(kitRoot, "Pulumi.yaml"),
    stackConfigFile: path.join(kitRoot, "Pulumi.dev.yaml"),
  });
  const policies = path.join(kitRoot, "policies");
  log(`real engine ${engine.version}: pulumi preview --policy-pack policies on the reference stack, ${runs} runs ...`);
  const previewMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { ms, value } = await timed(() => runThroughEngine(engine, target("bench-preview")));
    if (value.exitCode !== 0) {
      throw new Error(`pulumi preview failed (exit ${value.exitCode}) in ${value.workDir}`);
    }
    previewMs.push(ms);
  }
  log("real engine: pulumi up once, then pulumi policy analyze on the export ...");
  const up = await runThroughEngine(engine, target("bench-up"), { command: "up" });
  if (up.exitCode !== 0) {
    throw new Error(`pulumi up failed (exit ${up.exitCode}) in ${up.workDir}`);
  }
  const analyzeMs: number[] = [];
  let exportFile = "";
  for (let i = 0; i < runs; i++) {
    const { ms, value } = await timed(() => exportAndAnalyze(engine, up.workDir, "dev", policies));
    analyzeMs.push(ms);
    exportFile = value.exportFile;
  }
  return { version: engine.version, previewMs, analyzeMs, exportFile };
}
