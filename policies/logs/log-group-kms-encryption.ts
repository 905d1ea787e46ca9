import { keyInputPolicy } from "../lib/kms-keys";
import type { CompliancePolicy } from "../lib/policy";
import { LOG_GROUP } from "../lib/resource-types";

export const logGroupKmsEncryption: CompliancePolicy = keyInputPolicy({
  name: "logs-log-group-kms-encryption",
  description: "Log groups must be encrypted with a KMS key.",
  severity: "medium",
  enforcementLevel: "advisory",
  resourceType: LOG_GROUP,
  keyInput: "kmsKeyId",
  unencrypted: "the log group is not encrypted with a KMS key",
  docs: {
    what: "An `aws.cloudwatch.LogGroup` must set `kmsKeyId` to a key (a key unknown at preview counts as set; an empty string, like absent, does not).",
    why: "Logs can contain secrets and internal details; a customer managed key makes reading them subject to the key policy and logged in CloudTrail.",
    fix: "Set `kmsKeyId: key.arn` and allow `logs.<region>.amazonaws.com` to use the key, scoped with the `kms:EncryptionContext:aws:logs:arn` condition.",
    url: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html",
    compliance: { nist: ["SC-28", "AU-9"] },
  },
});
