/**
 * What an EventBridge rule starts: its `aws.cloudwatch.EventTarget`s (matched to the rule through
 * `lib/companions.ts`) and, per target, whether its `arn` is a pipeline of this stack, a pipeline
 * outside it, something else, or cannot be told during preview.
 *
 * ARNs of resources created by the stack are unknown at preview, so a target's `arn` is resolved
 * first through the engine's property dependencies (`arn: pipeline.arn` depends on the pipeline),
 * then by its known value (deployed stacks and literal ARNs).
 */
import { CompanionIndex, indexCompanions } from "../lib/companions";
import type { StackCheck, Subject } from "../lib/policy";
import { read } from "../lib/props";
import { CLOUDWATCH_EVENT_RULE, CODEPIPELINE_PIPELINE } from "../lib/resource-types";
import { EVENT_TARGET } from "../lib/resource-types";

/** Where one target sends the rule's events. */
export type TargetKind =
  | { readonly kind: "pipelines"; readonly pipelines: readonly Subject[] }
  /** A pipeline ARN that names no pipeline of this stack. */
  | { readonly kind: "external"; readonly pipelineName: string }
  /** A topic, a function, a queue...: not a pipeline. */
  | { readonly kind: "other" }
  | { readonly kind: "unknown"; readonly reason: string };

// arn:<partition>:codepipeline:<region>:<account>:<pipeline name>
const PIPELINE_ARN = /^arn:[^:]+:codepipeline:[^:]*:[^:]*:([^:/]+)$/;

/** Indexes the stack's targets by rule once; `of(rule)` then lists a rule's targets. */
export function indexRuleTargets(check: StackCheck): CompanionIndex {
  return indexCompanions(check.resources, {
    parentTypes: [CLOUDWATCH_EVENT_RULE],
    parentKeys: ["name"],
    companionTypes: [EVENT_TARGET],
    reference: "rule",
  });
}

/** Classifies a target by its `arn`; `pipelines` are the stack's pipelines, searched by their `name` input. */
export function classifyTarget(target: Subject, pipelines: readonly Subject[]): TargetKind {
  const dependencies = target.propertyDependencies?.arn ?? [];
  const fromPipelines = dependencies.filter((resource) => resource.type === CODEPIPELINE_PIPELINE);
  if (fromPipelines.length > 0) {
    return { kind: "pipelines", pipelines: fromPipelines };
  }
  const arn = read.string(target.props, "arn");
  if (typeof arn === "string") {
    const match = PIPELINE_ARN.exec(arn);
    if (!match) {
      return { kind: "other" };
    }
    const named = pipelines.filter((pipeline) => read.string(pipeline.props, "name") === match[1]);
    return named.length > 0 ? { kind: "pipelines", pipelines: named } : { kind: "external", pipelineName: match[1] };
  }
  if (dependencies.length > 0) {
    // Unknown, and computed from resources none of which is a pipeline (`topic.arn`): the ARN of
    // one of them, so no pipeline.
    return { kind: "other" };
  }
  // `arn` is required: absent offline means computed from a value unknown during preview.
  return { kind: "unknown", reason: `the arn of target ${target.name} is unknown during preview and depends on no resource of this stack` };
}
