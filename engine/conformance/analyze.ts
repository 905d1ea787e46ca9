// After `pulumi up`: export the stack and run `pulumi policy analyze --file` on the export, the real
// counterpart of the checker's `--state`.
import * as fs from "fs";
import * as path from "path";
import type { Engine } from "./locate";
import { eventLines } from "./events";
import { runEngine } from "./preview";

/** The export file and what `pulumi policy analyze` printed (JSON events) and returned. */
export interface AnalyzeResult {
  exportFile: string;
  exitCode: number;
  eventLog: string;
  output: string;
}

export async function exportAndAnalyze(
  engine: Engine,
  workDir: string,
  stack: string,
  policyPack: string,
  policyPackConfig?: string,
): Promise<AnalyzeResult> {
  const exportFile = path.join(workDir, "export.json");
  const exported = await runEngine(engine, ["stack", "export", "--stack", stack, "--file", exportFile], workDir, 600_000);
  if (exported.exitCode !== 0) {
    throw new Error(`pulumi stack export failed (exit ${exported.exitCode}):\n${exported.stderr}`);
  }
  const args = ["policy", "analyze", "--json", "--file", exportFile, "--policy-pack", path.resolve(policyPack)];
  if (policyPackConfig) {
    args.push("--policy-pack-config", path.resolve(policyPackConfig));
  }
  // Run from a folder with no Pulumi.yaml: the export is all `policy analyze --file` needs.
  const bare = path.join(workDir, "analyze");
  fs.mkdirSync(bare, { recursive: true });
  const run = await runEngine(engine, args, bare, 600_000);
  return { exportFile, exitCode: run.exitCode, eventLog: eventLines(run.stdout), output: `${run.stdout}\n${run.stderr}` };
}
