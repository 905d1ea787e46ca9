/**
 * When pipeline actions run relative to each other: stage by stage, and inside a stage by
 * `runOrder` (default 1; equal run orders run in parallel).
 */
import type { PipelineAction } from "../lib/pipeline";
import { isUnknown, read, Unknown, UNKNOWN } from "../lib/props";

export interface Position {
  readonly stage: number;
  readonly runOrder: number;
}

export function positionOf(action: PipelineAction): Position | Unknown {
  const runOrder = read.number(action.props, "runOrder");
  if (isUnknown(runOrder)) {
    return UNKNOWN;
  }
  return { stage: action.stage, runOrder: runOrder ?? 1 };
}

/** True when an action at `earlier` has finished before one at `later` starts. */
export function runsBefore(earlier: Position, later: Position): boolean {
  return earlier.stage < later.stage || (earlier.stage === later.stage && earlier.runOrder < later.runOrder);
}
