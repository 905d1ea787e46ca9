// The differences between the real engine and the checker that remain by design, each with its reason.
// A target listed here must show exactly these disagreements: a change in them fails the suite.
// docs/checker.md ("What is faithful and what differs") lists the same cases.

/** Why a function's results differ: the engine cannot carry them, the checker must not invent them. */
export const UNANSWERED_FUNCTION =
  "a function the provider model cannot answer: the checker makes its results unknown, so policies say [undecided]; " +
  "the engine refuses unknown values in a provider's invoke result (provider_plugin.go, RejectUnknowns), so with the " +
  "model provider those results are absent and policies judge them as not set. With the real AWS provider the engine " +
  "would have real values; the model has none to give.";

export interface ExpectedDifference {
  reason: string;
  lines: readonly string[];
}

export const EXPECTED_DIFFERENCES: Readonly<Record<string, ExpectedDifference>> = {
  "fixture-undecided-unknown-function": {
    reason: UNANSWERED_FUNCTION,
    lines: [
      "checker only: undecided advisory eventbridge-codecommit-rule-matches-source on urn:pulumi:dev::undecided-unknown-function::aws:cloudwatch/eventRule:EventRule::codecommit-trigger: [undecided] eventPattern is unknown during preview: cannot tell whether it matches CodeCommit events",
      "checker only: undecided advisory iam-no-admin-access on urn:pulumi:dev::undecided-unknown-function::aws:iam/rolePolicy:RolePolicy::pipeline-source: [undecided] policy is unknown during preview",
      "checker only: undecided advisory iam-no-wildcard-actions on urn:pulumi:dev::undecided-unknown-function::aws:iam/rolePolicy:RolePolicy::pipeline-source: [undecided] policy is unknown during preview",
      "checker only: undecided advisory iam-pass-role-scoped on urn:pulumi:dev::undecided-unknown-function::aws:iam/rolePolicy:RolePolicy::pipeline-source: [undecided] policy is unknown during preview",
      "checker only: undecided advisory iam-pass-role-service-condition on urn:pulumi:dev::undecided-unknown-function::aws:iam/rolePolicy:RolePolicy::pipeline-source: [undecided] policy is unknown during preview",
      "checker only: undecided advisory iam-wildcard-resources on urn:pulumi:dev::undecided-unknown-function::aws:iam/rolePolicy:RolePolicy::pipeline-source: [undecided] policy is unknown during preview",
      "engine only:  violation mandatory eventbridge-codecommit-rule-matches-source on urn:pulumi:dev::undecided-unknown-function::aws:cloudwatch/eventRule:EventRule::codecommit-trigger: the rule matches events of every CodeCommit repository and starts pipeline pipeline: name its source repository (example-app) in resources or detail.repositoryName",
    ],
  },
  "corpus-unknown-function": {
    reason: UNANSWERED_FUNCTION,
    lines: [
      "engine only:  violation advisory logs-log-group-kms-encryption on urn:pulumi:dev::unknown-function::aws:cloudwatch/logGroup:LogGroup::logs: the log group is not encrypted with a KMS key: set kmsKeyId",
      "engine only:  violation mandatory sns-topic-kms-encryption on urn:pulumi:dev::unknown-function::aws:sns/topic:Topic::alerts: messages are not encrypted at rest: set kmsMasterKeyId",
    ],
  },
};

/** The disagreements a target may show: none, unless listed above. */
export function expectedDisagreements(label: string): readonly string[] {
  return EXPECTED_DIFFERENCES[label]?.lines ?? [];
}
