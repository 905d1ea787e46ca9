import * as pulumi from "@pulumi/pulumi";
import type { AwsContext } from "./aws-context";
import type { StackConfig } from "./config";

/**
 * Physical names of every resource a policy document, the container definitions or the event pattern
 * refers to. AWS generates ARNs only after a resource exists, so a document built from resource outputs
 * is unknown during `pulumi preview` and a policy gate cannot read it; ARNs built from these names and
 * from invoke results are known. Names carry project and environment so stacks do not collide; IAM role
 * names are account-wide, so one environment name is used once per account (see docs/deploying.md).
 */
export interface PhysicalNames {
  /** `<project>-<environment>`; parseConfig keeps it short enough for every name below. */
  prefix: string;
  /** S3 bucket names are global across all accounts: the account id makes this one unique. */
  artifactBucket: pulumi.Output<string>;
  /** Receives the artifact bucket's server access logs; shorter than `artifactBucket`, so it fits too. */
  accessLogBucket: pulumi.Output<string>;
  imageRepository: string;
  keyAlias: string;
  /** CloudWatch Logs groups sit under one prefix so the key policy can admit exactly them. */
  logGroupPrefix: string;
  cluster: string;
  service: string;
  taskFamily: string;
  projects: Record<"build" | "test", string>;
  roles: Record<"build" | "test" | "pipeline" | "taskExecution" | "task", string>;
  pipeline: string;
  /** Connection names are unique per account and region and at most 32 characters. */
  connection: string;
  failureTopic: string;
  failureRule: string;
}

export function physicalNames(config: Pick<StackConfig, "project" | "environment">, context: AwsContext): PhysicalNames {
  const prefix = `${config.project}-${config.environment}`;
  return {
    prefix,
    artifactBucket: pulumi.interpolate`${prefix}-artifacts-${context.accountId}`,
    accessLogBucket: pulumi.interpolate`${prefix}-logs-${context.accountId}`,
    imageRepository: `${prefix}-app`,
    keyAlias: `alias/${prefix}`,
    logGroupPrefix: `/${config.project}/${config.environment}`,
    cluster: prefix,
    service: `${prefix}-app`,
    taskFamily: `${prefix}-app`,
    projects: { build: `${prefix}-build`, test: `${prefix}-test` },
    roles: {
      build: `${prefix}-build`,
      test: `${prefix}-test`,
      pipeline: `${prefix}-pipeline`,
      taskExecution: `${prefix}-app-execution`,
      task: `${prefix}-app-task`,
    },
    pipeline: prefix,
    connection: prefix.slice(0, 32),
    failureTopic: `${prefix}-pipeline-failures`,
    failureRule: `${prefix}-pipeline-failed`,
  };
}
