import type { CompliancePolicy } from "../lib/policy";
import { topicKmsEncryption } from "./topic-kms-encryption";
import { topicPolicyNotPublic } from "./topic-policy-not-public";

export const snsPolicies: readonly CompliancePolicy[] = [topicKmsEncryption, topicPolicyNotPublic];
