import type { CompliancePolicy } from "../lib/policy";
import { notPublicPolicy } from "../lib/public-principal";
import { SNS_TOPIC, SNS_TOPIC_POLICY } from "../lib/resource-types";

export const topicPolicyNotPublic: CompliancePolicy = notPublicPolicy({
  name: "sns-topic-policy-not-public",
  description: "An SNS topic policy must not allow a wildcard principal without a condition.",
  severity: "high",
  noun: "the topic",
  optionalOn: [SNS_TOPIC],
  requiredOn: [SNS_TOPIC_POLICY],
  docs: {
    what: 'No statement of the `policy` of an `aws.sns.Topic` or `aws.sns.TopicPolicy` may have `Effect: Allow` with `Principal: "*"`, `Principal: { AWS: "*" }` or a `NotPrincipal`, unless it has a `Condition`.',
    why: "An unconditioned wildcard principal lets any AWS account publish to the topic or subscribe to it.",
    fix: "Grant the service principals that publish (`events.amazonaws.com`) with an `aws:SourceArn` or `aws:SourceAccount` condition, and named accounts otherwise.",
    url: "https://docs.aws.amazon.com/sns/latest/dg/sns-security-best-practices.html",
    compliance: { nist: ["AC-3", "AC-6"], pci: ["7.2.1"] },
  },
});
