import { CompliancePolicy, resourcePolicy } from "../lib/policy";
import { isSet, read } from "../lib/props";
import { SNS_TOPIC } from "../lib/resource-types";

export const topicKmsEncryption: CompliancePolicy = resourcePolicy({
  name: "sns-topic-kms-encryption",
  description: "SNS topics must encrypt messages at rest with KMS.",
  severity: "medium",
  enforcementLevel: "mandatory",
  resourceTypes: [SNS_TOPIC],
  docs: {
    what: "An `aws.sns.Topic` must set `kmsMasterKeyId` to a key (a key unknown at preview counts as set; an empty string, like absent, does not).",
    why: "Without a key SNS stores messages unencrypted at rest; notifications carry repository, commit and stage details.",
    fix: "Set `kmsMasterKeyId: key.arn` and allow the publishing service principals to use the key (`kms:GenerateDataKey*`, `kms:Decrypt`).",
    url: "https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html",
    compliance: { nist: ["SC-28", "SC-28(1)"] },
  },
  validate: (check) => {
    // Presence decides: an unknown value is a key ARN not created yet, which is the usual case. The
    // provider has no default key and treats "" as unset, so "" is judged like absent.
    if (!isSet(check.resource.props, "kmsMasterKeyId") || read.string(check.resource.props, "kmsMasterKeyId") === "") {
      check.violation("messages are not encrypted at rest: set kmsMasterKeyId");
    }
  },
});
