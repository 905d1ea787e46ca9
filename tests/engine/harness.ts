// Shared by the real-engine suites: find the engine once, run a target through it and through the
// checker, and compare the two exactly.
import { runCheck, type CheckResult } from "../../checker";
import { CheckError } from "../../checker/errors";
import { verdictFromReport, disagreements } from "../../engine/conformance/compare";
import { programErrorsFromEventLog, verdictFromEventLog, type Descriptions } from "../../engine/conformance/events";
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
  /** What the program failed with on each side that failed it; absent where it ran to its end. */
  failures: { engine?: string; checker?: string };
}

/** The checker's report, or its message when the program failed (its CheckErrors start "program "). */
async function checkOrProgramFailure(run: Promise<CheckResult>): Promise<CheckResult | string> {
  try {
    return await run;
  } catch (e) {
    if (e instanceof CheckError && e.message.startsWith("program ")) {
      return e.message;
    }
    throw e;
  }
}

/**
 * Runs `target` through the real engine and the checker with the same config; lists every difference.
 * A program that fails on both sides agrees (the findings made before the failure are not compared: the
 * checker judges nothing then); one that fails on one side only is a disagreement.
 */
export async function compareTarget(target: EngineTarget, checkerProgram: string, options: EngineRunOptions = {}): Promise<Comparison> {
  const [run, report] = await Promise.all([
    runThroughEngine(requireEngine(), target, options),
    checkOrProgramFailure(
      runCheck({
        program: checkerProgram,
        stack: target.stack,
        config: target.config,
        policyPack: options.policyPack,
        policyPackConfig: options.policyPackConfig,
      }),
    ),
  ]);
  if (run.eventLog === "") {
    throw new Error(`the engine wrote no event log (exit ${run.exitCode}):\n${run.stdout}\n${run.stderr}`);
  }
  const engineErrors = programErrorsFromEventLog(run.eventLog);
  const failures = {
    ...(engineErrors.length > 0 ? { engine: engineErrors.join("\n") } : {}),
    ...(typeof report === "string" ? { checker: report } : {}),
  };
  const engineOutput = `${run.stdout}\n${run.stderr}`;
  if (failures.engine !== undefined || typeof report === "string") {
    const lines = [
      ...(failures.checker === undefined ? [`engine only:  program failed: ${failures.engine}`] : []),
      ...(failures.engine === undefined ? [`checker only: program failed: ${failures.checker}`] : []),
    ];
    return { disagreements: lines, engineExit: run.exitCode, engineOutput, checkerMandatory: 0, failures };
  }
  const engineVerdict = verdictFromEventLog(run.eventLog, descriptions, rootStackUrn(target.stack, target.project));
  return {
    disagreements: disagreements(engineVerdict, verdictFromReport(report)),
    engineExit: run.exitCode,
    engineOutput,
    checkerMandatory: report.violations.filter((v) => v.enforcementLevel === "mandatory").length,
    failures,
  };
}

export { KIT_ROOT };
