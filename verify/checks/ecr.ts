import { DescribeRepositoriesCommand, type Repository } from "@aws-sdk/client-ecr";
import { describeKey, isStackKey } from "../keys";
import { type Check, fail, pass } from "../types";
import { callUnlessMissing, resourceChecks } from "./check";

const REPOSITORY = "ecr.repository";

export const ecrChecks: readonly Check[] = resourceChecks<Repository>(
  async ({ outputs, clients }) => {
    const res = await callUnlessMissing("ecr:DescribeRepositories", "RepositoryNotFoundException", () =>
      clients.ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [outputs.ecrRepositoryName] })),
    );
    return res?.repositories?.[0];
  },
  (outputs) => `repository '${outputs.ecrRepositoryName}' not found`,
  [
    {
      id: REPOSITORY,
      title: "ECR repository scans on push and has immutable tags",
      judge(repo) {
        const problems: string[] = [];
        if (repo.imageScanningConfiguration?.scanOnPush !== true) problems.push("scanOnPush is off");
        if (repo.imageTagMutability !== "IMMUTABLE") problems.push(`imageTagMutability is ${repo.imageTagMutability}, expected IMMUTABLE`);
        return problems.length === 0 ? pass("scan on push, IMMUTABLE tags") : fail(problems.join("; "));
      },
    },
    {
      id: "ecr.encryption",
      title: "ECR repository encrypts with the stack's KMS key",
      requires: REPOSITORY,
      judge(repo, outputs) {
        const config = repo.encryptionConfiguration;
        if (config?.encryptionType !== "KMS") return fail(`encryptionType is ${config?.encryptionType ?? "unset"}, expected KMS`);
        return isStackKey(config.kmsKey, outputs)
          ? pass(`KMS with ${config.kmsKey}`)
          : fail(`KMS with ${describeKey(config.kmsKey)}, expected the stack's key ${outputs.kmsKeyArn}`);
      },
    },
  ],
);
