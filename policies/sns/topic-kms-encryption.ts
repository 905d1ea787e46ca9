import { keyInputPolicy } from "../lib/kms-keys";
import type { CompliancePolicy } from "../lib/policy";
import { SNS_TOPIC } from "../lib/resource-types";

export const topicKmsEncryption: CompliancePolicy = keyInputPolicy({
  name: "sns-topic-kms-encryption",
  description: "SNS topics must encrypt messages at rest with KMS.",
  severity: "medium",
  enforcementLevel: "mandatory",
  resourceType: SNS_TOPIC,
  keyInput: "kmsMasterKeyId",
  unencrypted: "messages are not encrypted at rest",
  docs: {
    what: "An `aws.sns.Topic` must set `kmsMasterKeyId` to a key (a key unknown at preview counts as set; an empty string, like absent, does not).",
    why: "Without a key SNS stores messages unencrypted at rest; notifications carry repository, commit and stage details.",
    fix: "Set `kmsMasterKeyId: key.arn` and allow the publishing service principals to use the key (`kms:GenerateDataKey*`, `kms:Decrypt`).",
    url: "https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html",
    compliance: { nist: ["SC-28", "SC-28(1)"] },
  },
});
