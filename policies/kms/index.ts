import type { CompliancePolicy } from "../lib/policy";
import { keyDeletionWindow } from "./key-deletion-window";
import { keyPolicyNotPublic } from "./key-policy-not-public";
import { keyRotation } from "./key-rotation";

export const kmsPolicies: readonly CompliancePolicy[] = [keyRotation, keyPolicyNotPublic, keyDeletionWindow];
