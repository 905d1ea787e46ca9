import { Judgement, requireCompanion } from "../lib/companions";
import { CompliancePolicy, stackPolicy, Subject } from "../lib/policy";
import { isSet, isUnknown, knownOr, read, UNKNOWN } from "../lib/props";
import { bucketRequirement } from "./bucket-companions";

const KMS_ALGORITHMS = ["aws:kms", "aws:kms:dsse"];

/**
 * Whether the rule names a key: an unknown one is a key not created yet. The provider has no default
 * key and does not send an empty one, so S3 uses the AWS managed key for "" exactly as for absent.
 */
function hasKey(rule: unknown): boolean {
  const path = "applyServerSideEncryptionByDefault.kmsMasterKeyId";
  return isSet(rule, path) && read.string(rule, path) !== "";
}

function judge(allowAes256: boolean): (companion: Subject) => Judgement {
  return (companion) => {
    const rules = read.array(companion.props, "rules");
    if (rules === UNKNOWN) {
      return { verdict: "unknown", reason: "rules is unknown during preview" };
    }
    const problems: string[] = [];
    let passed = false;
    let unknown = false;
    knownOr(rules, []).forEach((rule, index) => {
      const algorithm = read.string(rule, "applyServerSideEncryptionByDefault.sseAlgorithm");
      if (isUnknown(algorithm)) {
        unknown = true;
      } else if (algorithm !== undefined && KMS_ALGORITHMS.includes(algorithm)) {
        if (hasKey(rule)) {
          passed = true;
        } else {
          problems.push(`rules[${index}] uses ${algorithm} with the AWS managed key (no kmsMasterKeyId)`);
        }
      } else if (algorithm === "AES256" && allowAes256) {
        passed = true;
      } else {
        problems.push(`rules[${index}] uses ${algorithm ?? "no sseAlgorithm"}`);
      }
    });
    if (passed) {
      return { verdict: "pass" };
    }
    if (unknown) {
      return { verdict: "unknown", reason: "an sseAlgorithm is unknown during preview" };
    }
    return { verdict: "fail", reason: problems.length > 0 ? problems.join(", ") : "it has no rules" };
  };
}

export const bucketKmsEncryption: CompliancePolicy = stackPolicy({
  name: "s3-bucket-kms-encryption",
  description: "Every S3 bucket must default to SSE-KMS with a customer managed key, through a BucketServerSideEncryptionConfiguration.",
  severity: "high",
  enforcementLevel: "mandatory",
  config: {
    allowAes256: {
      type: "boolean",
      default: false,
      description: "Accept SSE-S3 (AES256) default encryption as well as SSE-KMS.",
    },
  },
  docs: {
    what: "Each `aws.s3.Bucket` needs an `aws.s3.BucketServerSideEncryptionConfiguration` naming it whose rule sets `sseAlgorithm` `aws:kms` or `aws:kms:dsse` and a `kmsMasterKeyId` (config `allowAes256` also accepts `AES256`).",
    why: "A customer managed key puts reads of the bucket's objects under the key policy and in CloudTrail; SSE-S3 and the AWS managed key leave bucket policies as the only gate.",
    fix: 'Add `new aws.s3.BucketServerSideEncryptionConfiguration(name, { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }] })`.',
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html",
    compliance: { nist: ["SC-28", "SC-28(1)", "SC-12"], pci: ["3.5.1"] },
  },
  validate: (check) => {
    const requirement = bucketRequirement(
      ["BucketServerSideEncryptionConfiguration", "BucketServerSideEncryptionConfigurationV2"],
      "BucketServerSideEncryptionConfiguration with SSE-KMS and a customer managed key",
      judge(read.boolean(check.config, "allowAes256") === true),
    );
    requireCompanion(check, requirement);
  },
});
