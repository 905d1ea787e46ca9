import type { CompliancePolicy } from "../lib/policy";
import { logGroupKmsEncryption } from "./log-group-kms-encryption";
import { logGroupRetention } from "./log-group-retention";

export const logsPolicies: readonly CompliancePolicy[] = [logGroupRetention, logGroupKmsEncryption];
