/**
 * Walks the stages and actions of an `aws:codepipeline/pipeline:Pipeline`, shared by every policy
 * that inspects pipeline actions. Unknown stage or action lists are returned as paths so that a
 * policy reports `[undecided]` instead of passing on actions it could not see.
 */
import { isUnknown, read, Unknown, UNKNOWN } from "./props";

export interface PipelineAction {
  /** `stage "Deploy", action "DeployToECS"`; positions stand in for names that are unknown. */
  readonly label: string;
  readonly props: unknown;
  /** Position of the action's stage in `stages` (0 for the first stage). */
  readonly stage: number;
}

interface PipelineActions {
  readonly actions: readonly PipelineAction[];
  /** Paths of stage or action lists (or single actions) that are unknown during preview. */
  readonly unknown: readonly string[];
}

function label(kind: string, item: unknown, index: number): string {
  const name = read.string(item, "name");
  return typeof name === "string" ? `${kind} "${name}"` : `${kind} #${index + 1}`;
}

export function pipelineActions(pipeline: unknown): PipelineActions {
  const actions: PipelineAction[] = [];
  const unknown: string[] = [];
  const stages = read.array(pipeline, "stages");
  if (stages === UNKNOWN) {
    return { actions, unknown: ["stages"] };
  }
  (stages ?? []).forEach((stage, s) => {
    const stageActions = read.array(stage, "actions");
    if (isUnknown(stage) || stageActions === UNKNOWN) {
      unknown.push(`stages.${s}${isUnknown(stage) ? "" : ".actions"}`);
      return;
    }
    (stageActions ?? []).forEach((action, a) => {
      if (isUnknown(action)) {
        unknown.push(`stages.${s}.actions.${a}`);
      } else {
        actions.push({ label: `${label("stage", stage, s)}, ${label("action", action, a)}`, props: action, stage: s });
      }
    });
  });
  return { actions, unknown };
}

/** Reads an action field, e.g. `owner`, `provider`, `category`. */
export function actionField(action: PipelineAction, field: string): string | undefined | Unknown {
  return read.string(action.props, field);
}

/** Reads a key of the action's `configuration` map, e.g. `ClusterName`. */
export function configurationValue(action: PipelineAction, key: string): string | undefined | Unknown {
  return read.string(action.props, ["configuration", key]);
}
