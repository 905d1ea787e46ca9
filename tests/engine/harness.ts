// Shared by the real-engine suites: find the engine once, run a target through it and through the
// checker, and compare the two exactly.
import { runCheck } from "../../checker";
import { verdictFromReport, disagreements } from "../../engine/conformance/compare";
import { verdictFromEventLog, type Descriptions } from "../../engine/conformance/events";
import { locateEngine, KIT_ROOT, type Engine } from "../../engine/conformance/locate";
import { runThroughEngine, type EngineRunOptions, type EngineTarget } from "../../engine/conformance/preview";
import { rootStackUrn } from "../../checker/urn";
import { policies } from "../../policies/pack";

/** Long enough for a cold engine and pack start on a loaded 2-core machine; no test measures speed. */
export const ENGINE_TIMEOUT_MS = 20 * 60 * 1000;

const located = locateEngine();

/** The engine, or undefined when the suite is skipped (global-setup.ts says why, once). */
export const engine: Engine | undefined = "skip" in located ? undefined : located;

/** The engine inside a `describeEngine` block, where it is always there. */
export function requireEngine(): Engine {
  if (!engine) {
    throw new Error("no engine");
  }
  return engine;
}

/** `describe`, or `describe.skip` when no engine is here. */
export const describeEngine = engine ? describe : describe.skip;

/** Policy descriptions by name, to read the engine's messages as the checker reads the pack's. */
export const descriptions: Descriptions = new Map(policies.map((p) => [p.name, p.description]));

/** One comparison: what each side said and where they differ. */
export interface Comparison {
  disagreements: string[];
  engineExit: number;
  engineOutput: string;
  checkerMandatory: number;
}

/** Runs `target` through the real engine and the checker with the same config; lists every difference. */
export async function compareTarget(target: EngineTarget, checkerProgram: string, options: EngineRunOptions = {}): Promise<Comparison> {
  const [run, report] = await Promise.all([
    runThroughEngine(requireEngine(), target, options),
    runCheck({
      program: checkerProgram,
      stack: target.stack,
      config: target.config,
      policyPack: options.policyPack,
      policyPackConfig: options.policyPackConfig,
    }),
  ]);
  if (run.eventLog === "") {
    throw new Error(`the engine wrote no event log (exit ${run.exitCode}):\n${run.stdout}\n${run.stderr}`);
  }
  const engineVerdict = verdictFromEventLog(run.eventLog, descriptions, rootStackUrn(target.stack, target.project));
  return {
    disagreements: disagreements(engineVerdict, verdictFromReport(report)),
    engineExit: run.exitCode,
    engineOutput: `${run.stdout}\n${run.stderr}`,
    checkerMandatory: report.violations.filter((v) => v.enforcementLevel === "mandatory").length,
  };
}

export { KIT_ROOT };
