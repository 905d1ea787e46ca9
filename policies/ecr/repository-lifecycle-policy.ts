import { requireCompanion } from "../lib/companions";
import { CompliancePolicy, stackPolicy } from "../lib/policy";
import { ECR_LIFECYCLE_POLICY, ECR_REPOSITORY } from "../lib/resource-types";

export const repositoryLifecyclePolicy: CompliancePolicy = stackPolicy({
  name: "ecr-repository-lifecycle-policy",
  description: "Every ECR repository should have a lifecycle policy.",
  severity: "low",
  enforcementLevel: "advisory",
  docs: {
    what: "Each `aws.ecr.Repository` needs an `aws.ecr.LifecyclePolicy` whose `repository` names it.",
    why: "One image per commit accumulates without end: storage is billed forever and old, vulnerable images stay deployable.",
    fix: "Add `new aws.ecr.LifecyclePolicy(name, { repository: repo.name, policy: ... })` expiring untagged images and keeping the last N tagged ones.",
    url: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html",
    compliance: { nist: ["SI-12"] },
  },
  validate: (check) =>
    requireCompanion(check, {
      parentTypes: [ECR_REPOSITORY],
      parentKeys: ["name"],
      companionTypes: [ECR_LIFECYCLE_POLICY],
      reference: "repository",
      needs: "LifecyclePolicy",
    }),
});
