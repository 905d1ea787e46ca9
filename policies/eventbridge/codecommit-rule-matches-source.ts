import { arnResourceName, parseEventPattern, patternValues } from "./event-pattern";
import { actionField, configurationValue, pipelineActions } from "../lib/pipeline";
import { CompliancePolicy, StackCheck, stackPolicy, stringList, Subject } from "../lib/policy";
import { isUnknown, knownOr, read } from "../lib/props";
import { CLOUDWATCH_EVENT_RULE, CODEPIPELINE_PIPELINE } from "../lib/resource-types";
import { classifyTarget, indexRuleTargets, TargetKind } from "./rule-targets";

interface Sources {
  readonly repositories: readonly string[];
  /** A CodeCommit source whose repository is unknown, or a stage or action list that is unknown. */
  readonly unknown: readonly string[];
}

function codeCommitSources(pipeline: Subject): Sources {
  const repositories: string[] = [];
  const actions = pipelineActions(pipeline.props);
  const unknown = [...actions.unknown];
  for (const action of actions.actions) {
    const owner = actionField(action, "owner");
    const provider = actionField(action, "provider");
    const repository = configurationValue(action, "RepositoryName");
    if (isUnknown(owner) || isUnknown(provider)) {
      unknown.push(`${action.label} owner or provider`);
    } else if (owner === "AWS" && provider === "CodeCommit") {
      if (typeof repository === "string") {
        repositories.push(repository);
      } else {
        unknown.push(`${action.label} RepositoryName`);
      }
    }
  }
  return { repositories, unknown };
}

/** Findings for one rule: every violation is reported; undecided only when nothing failed. */
interface Verdicts {
  readonly violations: string[];
  readonly undecided: string[];
}

/** The repositories the rule's pattern names, or undefined when the rule is not on CodeCommit events. */
function namedRepositories(check: StackCheck, rule: Subject): readonly string[] | undefined {
  const parsed = parseEventPattern(rule.props);
  if (parsed.kind === "unknown") {
    check.undecided(rule, "eventPattern is unknown during preview: cannot tell whether it matches CodeCommit events");
    return undefined;
  }
  if (parsed.kind !== "known") {
    return undefined;
  }
  const source = patternValues(parsed.value, "source");
  if (source.unknown) {
    check.undecided(rule, "the pattern's source is unknown during preview");
    return undefined;
  }
  if (!source.values.includes("aws.codecommit")) {
    return undefined;
  }
  return [
    ...patternValues(parsed.value, "resources").values.map(arnResourceName),
    ...patternValues(parsed.value, "detail.repositoryName").values,
  ];
}

function judgePipeline(pipeline: Subject, named: readonly string[], verdicts: Verdicts): void {
  const sources = codeCommitSources(pipeline);
  const where = `pipeline ${pipeline.name}`;
  const unknown = sources.unknown.length > 0 ? ` (${where}: ${sources.unknown.join(", ")} unknown during preview)` : undefined;
  if (sources.repositories.length === 0) {
    if (unknown) {
      verdicts.undecided.push(`cannot tell whether it has a CodeCommit source${unknown}`);
    } else {
      verdicts.violations.push(
        `the rule matches CodeCommit events and starts ${where}, which has no CodeCommit source action: ` +
          "pushes start a build of another source; remove the rule (a connection-based source starts the pipeline itself)",
      );
    }
    return;
  }
  if (named.length === 0) {
    verdicts.violations.push(
      `the rule matches events of every CodeCommit repository and starts ${where}: name its source repository (${sources.repositories.join(", ")}) in resources or detail.repositoryName`,
    );
    return;
  }
  const strangers = named.filter((repository) => !sources.repositories.includes(repository));
  if (strangers.length === 0) {
    return;
  }
  if (unknown) {
    verdicts.undecided.push(`cannot tell whether repository ${strangers.join(", ")} is a source of ${where}${unknown}`);
  } else {
    verdicts.violations.push(
      `the rule names repository ${strangers.join(", ")} and starts ${where}, whose CodeCommit source actions use ${sources.repositories.join(", ")}`,
    );
  }
}

function judgeTarget(target: TargetKind, named: readonly string[], external: readonly unknown[], verdicts: Verdicts): void {
  if (target.kind === "pipelines") {
    target.pipelines.forEach((pipeline) => judgePipeline(pipeline, named, verdicts));
  } else if (target.kind === "external" && !external.includes(target.pipelineName)) {
    verdicts.undecided.push(
      `it starts pipeline ${target.pipelineName}, which this stack does not create: list it in the policy config externalPipelines once its sources are checked`,
    );
  } else if (target.kind === "unknown") {
    verdicts.undecided.push(`${target.reason}: cannot tell whether it starts a pipeline`);
  }
}

function validate(check: StackCheck): void {
  const rules = check.ofType(CLOUDWATCH_EVENT_RULE);
  if (rules.length === 0) {
    return;
  }
  const pipelines = check.ofType(CODEPIPELINE_PIPELINE);
  const targets = indexRuleTargets(check);
  const external = knownOr(read.array(check.config, "externalPipelines"), []);
  // A target whose rule is unknown and depends on no rule may belong to any rule.
  const unresolved = targets.unresolved
    .map((target) => ({ target, kind: classifyTarget(target, pipelines) }))
    .filter(({ kind }) => kind.kind !== "other");
  for (const rule of rules) {
    const kinds = targets.of(rule).map((target) => classifyTarget(target, pipelines));
    // A rule that starts no pipeline (notifications, or no target) is not this policy's business,
    // even when its pattern is unknown.
    if (unresolved.length === 0 && kinds.every((kind) => kind.kind === "other")) {
      continue;
    }
    const named = namedRepositories(check, rule);
    if (named === undefined) {
      continue;
    }
    const verdicts: Verdicts = { violations: [], undecided: [] };
    kinds.forEach((kind) => judgeTarget(kind, named, external, verdicts));
    for (const { target } of unresolved) {
      verdicts.undecided.push(
        `target ${target.name}'s rule is unknown during preview and depends on no rule: it may start a pipeline from this rule`,
      );
    }
    verdicts.violations.forEach((message) => check.violation(rule, message));
    if (verdicts.violations.length === 0 && verdicts.undecided.length > 0) {
      check.undecided(rule, `the rule matches CodeCommit events; ${verdicts.undecided.join("; ")}`);
    }
  }
}

export const codeCommitRuleMatchesSource: CompliancePolicy = stackPolicy({
  name: "eventbridge-codecommit-rule-matches-source",
  description: "An EventBridge rule on CodeCommit events that starts a pipeline must name a CodeCommit source repository of that pipeline.",
  severity: "high",
  enforcementLevel: "mandatory",
  config: {
    externalPipelines: stringList(
      "Names of pipelines outside this stack that CodeCommit rules may start; their sources are checked where they are defined.",
    ),
  },
  docs: {
    what: "An `aws.cloudwatch.EventRule` whose event pattern has source `aws.codecommit` and whose `aws.cloudwatch.EventTarget` starts a pipeline (the target's `arn` is the pipeline's, by property dependency or ARN) must name, in `resources` ARNs or `detail.repositoryName`, only repositories that are the `RepositoryName` of that pipeline's CodeCommit source actions (owner `AWS`, provider `CodeCommit`). Rules whose targets are not pipelines (SNS topics, Lambda functions) are not checked; a pipeline outside the stack must be listed in `externalPipelines`, else the rule is undecided, as is a target whose ARN cannot be told during preview.",
    why: "A CodeCommit rule that starts a GitHub- or connection-sourced pipeline runs it on pushes it does not build; a rule that names no repository or another one starts the pipeline on unrelated pushes.",
    fix: "Remove the trigger when the pipeline uses a connection source (the connection triggers the pipeline). If the source really is CodeCommit, scope the pattern to that pipeline's repository, e.g. `resources: [repo.arn]`.",
    url: "https://docs.aws.amazon.com/codepipeline/latest/userguide/triggering.html",
    compliance: { nist: ["CM-3"] },
  },
  validate,
});
