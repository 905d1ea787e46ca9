import type { CompliancePolicy } from "../lib/policy";

export const snsPolicies: readonly CompliancePolicy[] = [];
