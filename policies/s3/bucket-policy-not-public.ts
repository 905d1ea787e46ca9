import type { CompliancePolicy } from "../lib/policy";
import { notPublicPolicy } from "../lib/public-principal";
import { s3Type } from "../lib/resource-types";

export const bucketPolicyNotPublic: CompliancePolicy = notPublicPolicy({
  name: "s3-bucket-policy-not-public",
  description: "A bucket policy must not allow a wildcard principal without a condition.",
  severity: "critical",
  noun: "the bucket",
  requiredOn: [s3Type("BucketPolicy")],
  docs: {
    what: 'No statement of an `aws.s3.BucketPolicy` may have `Effect: Allow` with `Principal: "*"`, `Principal: { AWS: "*" }` or a `NotPrincipal`, unless it has a `Condition`.',
    why: "An unconditioned wildcard principal grants the statement's actions to every AWS account and to anonymous requests.",
    fix: "Name the principals that need access, or add a condition that narrows the statement (`aws:SourceAccount`, `aws:SourceArn`, `aws:PrincipalOrgID`).",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status",
    compliance: { nist: ["AC-3", "AC-6"], pci: ["7.2.1"] },
  },
});
