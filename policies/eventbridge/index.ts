import type { CompliancePolicy } from "../lib/policy";
import { codeCommitRuleMatchesSource } from "./codecommit-rule-matches-source";

export const eventbridgePolicies: readonly CompliancePolicy[] = [codeCommitRuleMatchesSource];
