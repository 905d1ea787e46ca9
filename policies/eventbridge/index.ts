import type { CompliancePolicy } from "../lib/policy";
import { codeCommitRuleMatchesSource } from "./codecommit-rule-matches-source";
import { eventBusNotPublic } from "./event-bus-not-public";
import { ruleHasTarget } from "./rule-has-target";

export const eventbridgePolicies: readonly CompliancePolicy[] = [codeCommitRuleMatchesSource, ruleHasTarget, eventBusNotPublic];
