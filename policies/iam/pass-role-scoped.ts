/**
 * A Resource unknown at preview is an output of a resource the program creates: an ARN, never the
 * literal `*`, so it counts as scoped. Unknown actions cannot be judged and make the statement
 * undecided when it matters.
 */
import { actionMatches } from "../lib/iam-policy";
import { CompliancePolicy, ResourceCheck, resourcePolicy } from "../lib/policy";
import { mayGrant, PERMISSION_DOCUMENT_TYPES, permissionStatements, reportGrant } from "./documents";
import { PASS_ROLE } from "./pass-role";

function validate(check: ResourceCheck): void {
  for (const located of permissionStatements(check)) {
    const { actions, resources, notResources } = located.statement;
    const passes = actions.values.some((action) => actionMatches(action, PASS_ROLE));
    const wide = resources.values.includes("*") || notResources.values.length > 0 || notResources.unknown;
    if (passes && wide) {
      reportGrant(check, located, `allows ${PASS_ROLE} on every role: name the ARNs of the roles it may pass`);
    } else if (wide && actions.unknown && mayGrant(located)) {
      check.undecided(`${located.where}: its Action is unknown during preview, on every resource: it may allow ${PASS_ROLE} on every role`);
    }
  }
}

export const iamPassRoleScoped: CompliancePolicy = resourcePolicy({
  name: "iam-pass-role-scoped",
  description: 'iam:PassRole must name the roles it may pass, never Resource "*".',
  severity: "high",
  enforcementLevel: "mandatory",
  resourceTypes: PERMISSION_DOCUMENT_TYPES,
  docs: {
    what: "An Allow statement whose actions include `iam:PassRole` (or a wildcard covering it) must not have `Resource` `*` or use `NotResource`.",
    why: "PassRole on every role lets the principal give any role, administrators included, to a service it controls: a direct privilege escalation path.",
    fix: "Set `Resource` to the ARNs of the roles the principal hands to services, e.g. the ECS task and execution roles for a deploy action.",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html",
    compliance: { nist: ["AC-6"], pci: ["7.2.1"] },
  },
  validate,
});
