import { DescribeRepositoriesCommand, type Repository } from "@aws-sdk/client-ecr";
import { call, failedWith } from "../aws-errors";
import { describeKey, isStackKey } from "../keys";
import type { StackOutputs } from "../outputs";
import { type Check, type CheckContext, fail, pass } from "../types";

const REPOSITORY = "ecr.repository";

async function describeRepository({ outputs, clients }: CheckContext): Promise<Repository | undefined> {
  try {
    const res = await call("ecr:DescribeRepositories", () =>
      clients.ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [outputs.ecrRepositoryName] })),
    );
    return res.repositories?.[0];
  } catch (error) {
    if (failedWith(error, "RepositoryNotFoundException")) return undefined;
    throw error;
  }
}

const notFound = (outputs: StackOutputs) => fail(`repository '${outputs.ecrRepositoryName}' not found`);

const scanAndImmutable: Check = {
  id: REPOSITORY,
  title: "ECR repository scans on push and has immutable tags",
  async run(ctx) {
    const repo = await describeRepository(ctx);
    if (!repo) return notFound(ctx.outputs);
    const problems: string[] = [];
    if (repo.imageScanningConfiguration?.scanOnPush !== true) problems.push("scanOnPush is off");
    if (repo.imageTagMutability !== "IMMUTABLE") problems.push(`imageTagMutability is ${repo.imageTagMutability}, expected IMMUTABLE`);
    return problems.length === 0 ? pass("scan on push, IMMUTABLE tags") : fail(problems.join("; "));
  },
};

const kmsEncryption: Check = {
  id: "ecr.encryption",
  title: "ECR repository encrypts with the stack's KMS key",
  requires: REPOSITORY,
  async run(ctx) {
    const repo = await describeRepository(ctx);
    if (!repo) return notFound(ctx.outputs);
    const config = repo.encryptionConfiguration;
    if (config?.encryptionType !== "KMS") return fail(`encryptionType is ${config?.encryptionType ?? "unset"}, expected KMS`);
    return isStackKey(config.kmsKey, ctx.outputs)
      ? pass(`KMS with ${config.kmsKey}`)
      : fail(`KMS with ${describeKey(config.kmsKey)}, expected the stack's key ${ctx.outputs.kmsKeyArn}`);
  },
};

export const ecrChecks: readonly Check[] = [scanAndImmutable, kmsEncryption];
