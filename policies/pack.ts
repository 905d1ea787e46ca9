/**
 * The pack's name, arguments and policy list, without serving: tests, the reference generator and
 * the checker's rule table import this; only `index.ts` constructs the PolicyPack.
 */
import type { PolicyPackArgs } from "@pulumi/policy";
import { codebuildPolicies } from "./codebuild";
import { codepipelinePolicies } from "./codepipeline";
import { ecrPolicies } from "./ecr";
import { ecsPolicies } from "./ecs";
import { eventbridgePolicies } from "./eventbridge";
import { iamPolicies } from "./iam";
import { kmsPolicies } from "./kms";
import { lbPolicies } from "./lb";
import type { CompliancePolicy } from "./lib/policy";
import { logsPolicies } from "./logs";
import { s3Policies } from "./s3";
import { snsPolicies } from "./sns";
import { waiverPolicies } from "./waiver";

/** Fixed here rather than taken from a directory, so the pack is the same from `policies/` and the root. */
export const packName = "pipeline-compliance";

const checks: readonly CompliancePolicy[] = [
  ...codepipelinePolicies,
  ...codebuildPolicies,
  ...s3Policies,
  ...ecrPolicies,
  ...ecsPolicies,
  ...lbPolicies,
  ...eventbridgePolicies,
  ...iamPolicies,
  ...kmsPolicies,
  ...logsPolicies,
  ...snsPolicies,
];

export const policies: readonly CompliancePolicy[] = [...checks, ...waiverPolicies(checks)];

export const packArgs: PolicyPackArgs = {
  description:
    "CrossGuard policy pack for AWS CI/CD pipelines built with Pulumi (CodePipeline, CodeBuild, S3, ECR, ECS, load balancers, IAM, KMS).",
  displayName: "Pipeline compliance",
  provider: "aws",
  tags: ["aws", "cicd", "codepipeline"],
  enforcementLevel: "advisory",
  policies: [...policies],
};
