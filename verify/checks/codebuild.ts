import { BatchGetProjectsCommand } from "@aws-sdk/client-codebuild";
import { call } from "../aws-errors";
import { describeKey, isStackKey } from "../keys";
import type { StringKey } from "../outputs";
import { type Check, fail, pass } from "../types";

type ProjectOutputs = { project: StringKey; logGroup: StringKey };

function projectCheck(id: string, label: string, { project, logGroup }: ProjectOutputs): Check {
  return {
    id,
    title: `CodeBuild ${label} project logs to the stack's log group and uses its key`,
    async run({ outputs, clients }) {
      const name = outputs[project];
      const expectedGroup = outputs[logGroup];
      const res = await call("codebuild:BatchGetProjects", () => clients.codebuild.send(new BatchGetProjectsCommand({ names: [name] })));
      const found = res.projects?.find((p) => p.name === name);
      if (!found) return fail(`project '${name}' not found`);
      const problems: string[] = [];
      const group = found.logsConfig?.cloudWatchLogs?.groupName;
      if (group !== expectedGroup) problems.push(`logs go to ${group ?? "the default group"}, expected ${expectedGroup}`);
      if (!isStackKey(found.encryptionKey, outputs)) {
        problems.push(`encryptionKey is ${describeKey(found.encryptionKey)}, expected ${outputs.kmsKeyArn}`);
      }
      return problems.length === 0 ? pass(`'${name}' logs to ${group}, key ${found.encryptionKey}`) : fail(problems.join("; "));
    },
  };
}

export const codebuildChecks: readonly Check[] = [
  projectCheck("codebuild.build-project", "build", { project: "buildProjectName", logGroup: "buildLogGroupName" }),
  projectCheck("codebuild.test-project", "test", { project: "testProjectName", logGroup: "testLogGroupName" }),
];
