import type { CompliancePolicy } from "../lib/policy";
import { repositoryImmutableTags } from "./repository-immutable-tags";
import { repositoryKmsEncryption } from "./repository-kms-encryption";
import { repositoryLifecyclePolicy } from "./repository-lifecycle-policy";
import { repositoryPolicyNotPublic } from "./repository-policy-not-public";
import { repositoryScanOnPush } from "./repository-scan-on-push";

export const ecrPolicies: readonly CompliancePolicy[] = [
  repositoryScanOnPush,
  repositoryImmutableTags,
  repositoryKmsEncryption,
  repositoryLifecyclePolicy,
  repositoryPolicyNotPublic,
];
