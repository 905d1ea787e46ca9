import type { CompliancePolicy } from "../lib/policy";
import { iamNoAdminAccess } from "./no-admin-access";
import { iamNoWildcardActions } from "./no-wildcard-actions";
import { iamPassRoleScoped } from "./pass-role-scoped";
import { iamPassRoleServiceCondition } from "./pass-role-service-condition";
import { iamTrustPolicyPrincipals } from "./trust-policy-principals";
import { iamWildcardResources } from "./wildcard-resources";

export const iamPolicies: readonly CompliancePolicy[] = [
  iamNoAdminAccess,
  iamNoWildcardActions,
  iamWildcardResources,
  iamTrustPolicyPrincipals,
  iamPassRoleScoped,
  iamPassRoleServiceCondition,
];
