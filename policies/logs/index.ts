import type { CompliancePolicy } from "../lib/policy";

export const logsPolicies: readonly CompliancePolicy[] = [];
