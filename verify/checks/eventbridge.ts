import { DescribeRuleCommand, ListTargetsByRuleCommand } from "@aws-sdk/client-eventbridge";
import { call } from "../aws-errors";
import { type Check, fail, pass } from "../types";

interface FailurePattern {
  source?: unknown;
  detail?: { state?: unknown };
}

const includes = (field: unknown, value: string): boolean => Array.isArray(field) && field.includes(value);

/** The rule must match CodePipeline execution failures (not CodeCommit events, failure #6). */
export function matchesPipelineFailure(patternJson: string | undefined): boolean {
  if (!patternJson) return false;
  const pattern = JSON.parse(patternJson) as FailurePattern;
  return includes(pattern.source, "aws.codepipeline") && includes(pattern.detail?.state, "FAILED");
}

const failureRule: Check = {
  id: "events.failure-rule",
  title: "EventBridge rule sends pipeline failures to the SNS topic",
  async run({ outputs, clients }) {
    const Name = outputs.pipelineFailureRuleName;
    const rule = await call("events:DescribeRule", () => clients.events.send(new DescribeRuleCommand({ Name })));
    const problems: string[] = [];
    if (rule.State !== "ENABLED") problems.push(`rule state is ${rule.State}`);
    if (!matchesPipelineFailure(rule.EventPattern)) {
      problems.push(`pattern ${rule.EventPattern} does not match source aws.codepipeline with detail.state FAILED`);
    }
    const targets = await call("events:ListTargetsByRule", () => clients.events.send(new ListTargetsByRuleCommand({ Rule: Name })));
    if (!targets.Targets?.some((t) => t.Arn === outputs.notificationTopicArn)) {
      problems.push(`no target is ${outputs.notificationTopicArn}`);
    }
    return problems.length === 0 ? pass(`'${Name}' -> ${outputs.notificationTopicArn}`) : fail(problems.join("; "));
  },
};

export const eventbridgeChecks: readonly Check[] = [failureRule];
