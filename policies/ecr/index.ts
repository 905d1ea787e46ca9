import type { CompliancePolicy } from "../lib/policy";

export const ecrPolicies: readonly CompliancePolicy[] = [];
