import { CompliancePolicy, ResourceCheck, resourcePolicy } from "../lib/policy";
import { isUnknown, read } from "../lib/props";
import { ECR_REPOSITORY } from "../lib/resource-types";

function validate(check: ResourceCheck): void {
  const type = read.string(check.resource.props, "encryptionConfigurations.0.encryptionType");
  if (isUnknown(type)) {
    check.undecided("encryptionConfigurations[0].encryptionType is unknown during preview");
  } else if (type !== "KMS") {
    check.violation(
      `images are encrypted with ${type ?? "the default AES256"}, not KMS: set encryptionConfigurations: [{ encryptionType: "KMS", kmsKey }]`,
    );
  }
}

export const repositoryKmsEncryption: CompliancePolicy = resourcePolicy({
  name: "ecr-repository-kms-encryption",
  description: "ECR repositories must encrypt images with KMS.",
  severity: "medium",
  enforcementLevel: "advisory",
  resourceTypes: [ECR_REPOSITORY],
  docs: {
    what: "An `aws.ecr.Repository` must set `encryptionConfigurations[0].encryptionType` to `KMS` (ideally with `kmsKey`, a customer managed key).",
    why: "With KMS, reading image layers also needs the key, under its key policy and logged in CloudTrail; the default AES256 leaves repository permissions as the only gate.",
    fix: 'Set `encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: key.arn }]` when creating the repository (changing it later replaces the repository).',
    url: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html",
    compliance: { nist: ["SC-28", "SC-28(1)"] },
  },
  validate,
});
