import type { CompliancePolicy } from "../lib/policy";
import { notPublicPolicy } from "../lib/public-principal";
import { KMS_KEY, KMS_KEY_POLICY } from "../lib/resource-types";

export const keyPolicyNotPublic: CompliancePolicy = notPublicPolicy({
  name: "kms-key-policy-not-public",
  description: "A KMS key policy must not allow a wildcard principal without a condition.",
  severity: "critical",
  noun: "the key",
  optionalOn: [KMS_KEY],
  requiredOn: [KMS_KEY_POLICY],
  docs: {
    what: 'No statement of the `policy` of an `aws.kms.Key` or `aws.kms.KeyPolicy` may have `Effect: Allow` with `Principal: "*"`, `Principal: { AWS: "*" }` or a `NotPrincipal`, unless it has a `Condition`.',
    why: "A key policy statement with an unconditioned wildcard principal lets any AWS account use (or administer) the key, and so decrypt everything it protects.",
    fix: "Name the account root, roles and service principals that need the key, or narrow the statement with a condition (`kms:CallerAccount`, `kms:ViaService`, `aws:PrincipalOrgID`).",
    url: "https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html",
    compliance: { nist: ["AC-3", "AC-6", "SC-12"], pci: ["7.2.1"] },
  },
});
