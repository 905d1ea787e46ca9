import type { CompliancePolicy } from "../lib/policy";

export const iamPolicies: readonly CompliancePolicy[] = [];
