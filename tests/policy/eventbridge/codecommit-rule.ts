// What the eventbridge-codecommit-rule-matches-source tests build: pipelines with their sources, rules on
// CodeCommit events, and the targets that tie a rule to what it starts.
import { analyzeStack, of, TestResource, unknown } from "../harness";

const POLICY = "eventbridge-codecommit-rule-matches-source";
export const PIPELINE = "aws:codepipeline/pipeline:Pipeline";
export const RULE = "aws:cloudwatch/eventRule:EventRule";
export const TARGET = "aws:cloudwatch/eventTarget:EventTarget";
export const TOPIC = "aws:sns/topic:Topic";

export const codeCommitSource = (repository: unknown, extra: Record<string, unknown> = {}) => ({
  name: "Source",
  category: "Source",
  owner: "AWS",
  provider: "CodeCommit",
  version: "1",
  configuration: { RepositoryName: repository, BranchName: "main", PollForSourceChanges: "false" },
  ...extra,
});

export const gitHubSource = {
  name: "Source",
  category: "Source",
  owner: "AWS",
  provider: "CodeStarSourceConnection",
  version: "1",
  configuration: {
    ConnectionArn: "arn:aws:codeconnections:us-east-1:111111111111:connection/abc",
    FullRepositoryId: "acme/app",
    BranchName: "main",
  },
};

const build = { name: "Build", category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" };

export const pipeline = (name: string, ...sources: unknown[]): TestResource => ({
  type: PIPELINE,
  name,
  props: {
    name,
    stages: [
      { name: "Source", actions: sources },
      { name: "Build", actions: [build] },
    ],
  },
});

export const codeCommitPattern = (extra: Record<string, unknown> = {}) => ({
  source: ["aws.codecommit"],
  "detail-type": ["CodeCommit Repository State Change"],
  ...extra,
});

export const rule = (eventPattern: unknown, name = "on-push"): TestResource => ({ type: RULE, name, props: { eventPattern } });

/** A target as a preview shows it: `rule: rule.name` and `arn: pipeline.arn` unknown, tied by property dependencies. */
export const startsPipeline = (ruleName: string, pipelineName: string, name = `${ruleName}-target`): TestResource => ({
  type: TARGET,
  name,
  props: { rule: unknown, arn: unknown },
  propertyDependencies: { rule: [`${RULE}::${ruleName}`], arn: [`${PIPELINE}::${pipelineName}`] },
});

/** A target with known values, as a deployed stack (or `--state`) carries them. */
export const knownTarget = (ruleName: string, arn: unknown, name = `${ruleName}-target`): TestResource => ({
  type: TARGET,
  name,
  props: { rule: ruleName, arn },
});
export const namedRule = (eventPattern: unknown, name = "on-push"): TestResource => ({ type: RULE, name, props: { name, eventPattern } });

/** A rule on `pattern` that starts the pipeline `app` (the rule is "on-push"). */
export const trigger = (pattern: unknown, ...sources: unknown[]): TestResource[] => [
  pipeline("app", ...sources),
  rule(pattern),
  startsPipeline("on-push", "app"),
];

/** The policy's findings on `resources`, with `config` as its policy config. */
export async function findings(resources: TestResource[], config?: Record<string, unknown>) {
  return of(POLICY, await analyzeStack(resources, { config: config && { [POLICY]: config } }));
}
