import type { CompliancePolicy } from "../lib/policy";
import { notPublicPolicy } from "../lib/public-principal";
import { ECR_REPOSITORY_POLICY } from "../lib/resource-types";

export const repositoryPolicyNotPublic: CompliancePolicy = notPublicPolicy({
  name: "ecr-repository-policy-not-public",
  description: "An ECR repository policy must not allow a wildcard principal without a condition.",
  severity: "critical",
  noun: "the repository",
  requiredOn: [ECR_REPOSITORY_POLICY],
  docs: {
    what: 'No statement of an `aws.ecr.RepositoryPolicy` may have `Effect: Allow` with `Principal: "*"`, `Principal: { AWS: "*" }` or a `NotPrincipal`, unless it has a `Condition`.',
    why: "An unconditioned wildcard principal makes the repository's images available to every AWS account.",
    fix: "Name the accounts and service principals that need the images, or add `aws:PrincipalOrgID` (or another narrowing condition).",
    url: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html",
    compliance: { nist: ["AC-3", "AC-6"], pci: ["7.2.1"] },
  },
});
