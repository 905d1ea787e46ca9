/** Oracle cases for `eventbridge-codecommit-rule-matches-source`: CodeCommit rules and the pipelines they start. */
import fc from "fast-check";
import { unknown, urnOf } from "../policy/harness";
import type { StackMember } from "./engine";
import {
  ACCOUNT,
  action,
  member,
  neutralAction,
  pipelineNoise,
  PIPELINE,
  withNoise,
  type Mut,
  type OracleInput,
  type Verdict,
} from "./oracle-parts";
import type { Wire } from "./values";

// ---------------------------------------------------------------------------------------------
// eventbridge-codecommit-rule-matches-source
// ---------------------------------------------------------------------------------------------

type RuleMutation =
  | "none"
  | "source-is-connection"
  | "source-owner-not-aws"
  | "names-other-repository"
  | "names-no-repository"
  | "pattern-unknown"
  | "pattern-source-unknown"
  | "target-unknown"
  | "repository-unknown"
  | "external-pipeline"
  | "external-pipeline-listed"
  | "notifies-only";

const RULE_VERDICTS: Readonly<Record<RuleMutation, Verdict>> = {
  none: "silent",
  "source-is-connection": "fires",
  // Only owner AWS with provider CodeCommit is a CodeCommit source.
  "source-owner-not-aws": "fires",
  "names-other-repository": "fires",
  "names-no-repository": "fires",
  "pattern-unknown": "undecided",
  "pattern-source-unknown": "undecided",
  "target-unknown": "undecided",
  "repository-unknown": "undecided",
  "external-pipeline": "undecided",
  "external-pipeline-listed": "silent",
  "notifies-only": "silent",
};

const RULE = "aws:cloudwatch/eventRule:EventRule";
const TARGET = "aws:cloudwatch/eventTarget:EventTarget";

/** A CodeCommit-sourced pipeline started by a rule scoped to its repository, plus unrelated rules and targets. */
export function codeCommitRuleMatchesSourceCases(): fc.Arbitrary<OracleInput<StackMember[]>> {
  return fc
    .record({
      n: fc.nat({ max: 99 }),
      scopeBy: fc.constantFrom("resources", "detail", "both"),
      encoded: fc.boolean(),
      ruleBy: fc.constantFrom("dependency", "name"),
      pipelineBy: fc.constantFrom("dependency", "arn"),
      mutation: fc.constantFrom<RuleMutation>(
        "none",
        "source-is-connection",
        "source-owner-not-aws",
        "names-other-repository",
        "names-no-repository",
        "pattern-unknown",
        "pattern-source-unknown",
        "target-unknown",
        "repository-unknown",
        "external-pipeline",
        "external-pipeline-listed",
        "notifies-only",
      ),
      otherOwner: fc.constantFrom("ThirdParty", "Custom"),
      detailType: fc.constantFrom<Wire>(["CodeCommit Repository State Change"], ["CodeCommit Pull Request State Change"]),
      filter: fc.boolean(),
      extraActions: fc.array(
        neutralAction.filter((a) => a.provider !== "CodeCommit"),
        { maxLength: 2 },
      ),
      notifyToo: fc.boolean(),
      otherRule: fc.boolean(),
      pipeline: pipelineNoise,
    })
    .map(
      ({
        n,
        scopeBy,
        encoded,
        ruleBy,
        pipelineBy,
        mutation,
        otherOwner,
        detailType,
        filter,
        extraActions,
        notifyToo,
        otherRule,
        pipeline,
      }) => {
        const repository = `repo-${n}`;
        const pipelineName = `deliver-${n}`;
        const pipelineUrn = urnOf(PIPELINE, "pipeline");
        const ruleUrn = urnOf(RULE, "on-push");
        const source =
          mutation === "source-is-connection"
            ? action(
                "Source",
                "AWS",
                "CodeStarSourceConnection",
                { ConnectionArn: unknown, FullRepositoryId: `acme/${repository}` },
                "Source",
              )
            : action(
                "Source",
                mutation === "source-owner-not-aws" ? otherOwner : "AWS",
                "CodeCommit",
                { RepositoryName: mutation === "repository-unknown" ? unknown : repository },
                "Source",
              );
        const pipelineProps = withNoise(
          {
            name: pipelineName,
            stages: [
              { name: "Source", actions: [source] },
              { name: "Build", actions: extraActions },
            ],
          },
          pipeline,
        );
        const named = mutation === "names-other-repository" ? `other-${n}` : repository;
        const pattern: Mut = { source: mutation === "pattern-source-unknown" ? [unknown] : ["aws.codecommit"], "detail-type": detailType };
        if (mutation !== "names-no-repository") {
          if (scopeBy !== "detail") {
            pattern.resources = [`arn:aws:codecommit:us-east-1:${ACCOUNT}:${named}`];
          }
          if (scopeBy !== "resources") {
            // A content filter matches something not literal; the literal names are what count.
            pattern.detail = { repositoryName: filter ? [named, { prefix: "repo-" }] : [named], referenceType: ["branch"] };
          }
        }
        // Inside a JSON string the unknown sentinel is plain text: only the object form can carry an unknown.
        const eventPattern: Wire =
          mutation === "pattern-unknown" ? unknown : encoded && mutation !== "pattern-source-unknown" ? JSON.stringify(pattern) : pattern;
        const ruleName = `on-push-${n}`;
        const members: StackMember[] = [
          member("aws:codecommit/repository:Repository", "repo", { repositoryName: repository }),
          member(PIPELINE, "pipeline", pipelineProps),
          member(RULE, "on-push", { name: ruleName, eventPattern, description: "start the pipeline" }),
        ];
        const config: Mut = {};
        const target: Mut = {};
        const targetDependencies: Record<string, string[]> = {};
        if (ruleBy === "dependency") {
          target.rule = unknown;
          targetDependencies.rule = [ruleUrn];
        } else {
          target.rule = ruleName;
        }
        if (mutation === "target-unknown") {
          target.arn = unknown;
        } else if (mutation === "external-pipeline" || mutation === "external-pipeline-listed") {
          target.arn = `arn:aws:codepipeline:us-east-1:${ACCOUNT}:elsewhere-${n}`;
          if (mutation === "external-pipeline-listed") {
            config.externalPipelines = [`elsewhere-${n}`];
          }
        } else if (mutation === "notifies-only") {
          target.arn = unknown;
          targetDependencies.arn = [urnOf("aws:sns/topic:Topic", "alerts")];
        } else if (pipelineBy === "dependency") {
          target.arn = unknown;
          targetDependencies.arn = [pipelineUrn];
        } else {
          target.arn = `arn:aws:codepipeline:us-east-1:${ACCOUNT}:${pipelineName}`;
        }
        members.push(member(TARGET, "start-pipeline", target, targetDependencies));
        if (notifyToo || mutation === "notifies-only") {
          members.push(member("aws:sns/topic:Topic", "alerts", { name: `alerts-${n}` }));
          members.push(
            member(TARGET, "notify", { rule: unknown, arn: unknown }, { rule: [ruleUrn], arn: [urnOf("aws:sns/topic:Topic", "alerts")] }),
          );
        }
        if (otherRule) {
          // A rule on other events that starts the pipeline is not this policy's business.
          members.push(
            member(RULE, "nightly", {
              name: `nightly-${n}`,
              scheduleExpression: "cron(0 3 * * ? *)",
              eventPattern: JSON.stringify({ source: ["aws.s3"] }),
            }),
          );
          members.push(member(TARGET, "nightly-start", { rule: `nightly-${n}`, arn: unknown }, { arn: [pipelineUrn] }));
        }
        const story = [
          `rule scoped by ${scopeBy}${encoded ? " (JSON string)" : ""}, target by ${ruleBy}/${pipelineBy}`,
          `mutation ${mutation}`,
        ];
        return { config, subject: { input: members, expected: RULE_VERDICTS[mutation], on: ruleUrn, story } };
      },
    );
}
