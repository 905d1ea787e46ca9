/**
 * A value unknown at preview is another resource's output; a program cannot create an AWS-managed
 * key, so such a value passes.
 */
import { isAwsManagedKey } from "../lib/kms-keys";
import { CompliancePolicy, ResourceCheck, resourcePolicy } from "../lib/policy";
import { read } from "../lib/props";
import { CODEBUILD_PROJECT } from "../lib/resource-types";

function validate(check: ResourceCheck): void {
  const key = read.string(check.resource.props, "encryptionKey");
  if (key === undefined || key === "") {
    check.violation(
      "encryptionKey is not set: artifacts are encrypted with the AWS-managed aws/s3 key; set encryptionKey to a customer-managed KMS key",
    );
  } else if (typeof key === "string" && isAwsManagedKey(key)) {
    check.violation(`encryptionKey "${key}" is an AWS-managed key: use a customer-managed KMS key`);
  }
}

export const codebuildEncryptionKey: CompliancePolicy = resourcePolicy({
  name: "codebuild-encryption-key",
  description: "CodeBuild projects must encrypt their artifacts with a customer-managed KMS key.",
  severity: "medium",
  enforcementLevel: "advisory",
  resourceTypes: [CODEBUILD_PROJECT],
  docs: {
    what: "`encryptionKey` must be set and must not name an AWS-managed key (`alias/aws/...`).",
    why: "The default AWS-managed key cannot be restricted to the pipeline's roles, rotated on the account's terms or disabled in an incident.",
    fix: "Set `encryptionKey` to the ARN of a customer-managed key (`key.arn`).",
    url: "https://docs.aws.amazon.com/codebuild/latest/userguide/security-encryption.html",
    compliance: { nist: ["SC-28", "SC-12"] },
  },
  validate,
});
