/**
 * Advisory, apart from the mandatory `iam-pass-role-scoped`: naming the roles is the control; the
 * service condition narrows it further.
 */
import { actionMatches } from "../lib/iam-policy";
import { CompliancePolicy, ResourceCheck, resourcePolicy } from "../lib/policy";
import { mayGrant, PERMISSION_DOCUMENT_TYPES, permissionStatements, reportGrant } from "./documents";
import { PASS_ROLE } from "./pass-role";

const CONDITION_KEY = "iam:passedtoservice";

function validate(check: ResourceCheck): void {
  for (const located of permissionStatements(check)) {
    const { statement } = located;
    if (!statement.actions.values.some((action) => actionMatches(action, PASS_ROLE))) {
      continue;
    }
    if (statement.conditionsUnknown && mayGrant(located)) {
      check.undecided(`${located.where}: the Condition of an ${PASS_ROLE} statement is unknown during preview`);
    } else if (!statement.conditions.some((condition) => condition.key.toLowerCase() === CONDITION_KEY)) {
      reportGrant(
        check,
        located,
        `allows ${PASS_ROLE} without an iam:PassedToService condition: name the services the roles are passed to`,
      );
    }
  }
}

export const iamPassRoleServiceCondition: CompliancePolicy = resourcePolicy({
  name: "iam-pass-role-service-condition",
  description: "iam:PassRole should be limited to the receiving services with iam:PassedToService.",
  severity: "low",
  enforcementLevel: "advisory",
  resourceTypes: PERMISSION_DOCUMENT_TYPES,
  docs: {
    what: "An Allow statement whose actions include `iam:PassRole` should have a condition on `iam:PassedToService`.",
    why: "Without it, a role meant for one service can be passed to another (Lambda, EC2, CodeBuild) that runs code the principal controls.",
    fix: 'Add `Condition: { StringEquals: { "iam:PassedToService": "<service>.amazonaws.com" } }` to the statement.',
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PassedToService",
    compliance: { nist: ["AC-6"] },
  },
  validate,
});
