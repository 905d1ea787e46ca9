import { DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { call } from "../aws-errors";
import { describeKey, isStackKey } from "../keys";
import type { StringKey } from "../outputs";
import { type Check, fail, pass } from "../types";

function logGroupCheck(id: string, label: string, output: StringKey): Check {
  return {
    id,
    title: `${label} log group has a retention and the stack's key`,
    async run({ outputs, clients }) {
      const name = outputs[output];
      const res = await call("logs:DescribeLogGroups", () => clients.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: name })));
      // The call filters by prefix, so a longer name can come back first.
      const group = res.logGroups?.find((g) => g.logGroupName === name);
      if (!group) return fail(`log group '${name}' not found`);
      const problems: string[] = [];
      if (!group.retentionInDays) problems.push("no retention (logs kept forever)");
      if (!isStackKey(group.kmsKeyId, outputs)) problems.push(`key is ${describeKey(group.kmsKeyId)}, expected ${outputs.kmsKeyArn}`);
      return problems.length === 0 ? pass(`${group.retentionInDays} days, key ${group.kmsKeyId}`) : fail(problems.join("; "));
    },
  };
}

export const logsChecks: readonly Check[] = [
  logGroupCheck("logs.build", "build", "buildLogGroupName"),
  logGroupCheck("logs.test", "test", "testLogGroupName"),
  logGroupCheck("logs.ecs", "ECS", "ecsLogGroupName"),
];
