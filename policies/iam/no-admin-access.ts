/**
 * A managed policy ARN unknown at preview is the output of a policy created by the program; that
 * policy's document is checked on its own resource, so the attachment passes. Likewise a Resource
 * unknown at preview is an ARN output, never the literal `*`.
 */
import { CompliancePolicy, ResourceCheck, resourcePolicy } from "../lib/policy";
import { ATTACHMENT_TYPES, attachedPolicyArns, mayGrant, PERMISSION_DOCUMENT_TYPES, permissionStatements, reportGrant } from "./documents";

const ADMIN_ARN = /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/;
const EVERY_ACTION = ["*", "*:*"];

function validate(check: ResourceCheck): void {
  if (PERMISSION_DOCUMENT_TYPES.includes(check.resource.type)) {
    for (const located of permissionStatements(check)) {
      const { actions, resources } = located.statement;
      const everyAction = actions.values.some((action) => EVERY_ACTION.includes(action));
      const everyResource = resources.values.includes("*");
      if (everyAction && everyResource) {
        reportGrant(
          check,
          located,
          'allows every action ("*") on every resource ("*"): grant the specific actions and resources the role needs',
        );
      } else if (mayGrant(located) && actions.unknown && everyResource) {
        check.undecided(`${located.where}: its Action is unknown during preview, with Resource "*": it may allow everything`);
      }
    }
  }
  const attached = attachedPolicyArns(check);
  for (const arn of attached?.arns.values.filter((value) => ADMIN_ARN.test(value)) ?? []) {
    check.violation(`${attached?.input} attaches ${arn}: grant the specific actions and resources the role needs instead`);
  }
}

export const iamNoAdminAccess: CompliancePolicy = resourcePolicy({
  name: "iam-no-admin-access",
  description: 'No IAM policy may grant full administrator access ("*" on "*", or AdministratorAccess).',
  severity: "critical",
  enforcementLevel: "mandatory",
  resourceTypes: [...new Set([...PERMISSION_DOCUMENT_TYPES, ...ATTACHMENT_TYPES])],
  docs: {
    what: "No Allow statement may have `Action` `*` (or `*:*`) together with `Resource` `*`, and no attachment or `managedPolicyArns` may name `arn:<partition>:iam::aws:policy/AdministratorAccess`.",
    why: "An administrator role makes any compromise of the pipeline, a build or the application a compromise of the whole AWS account.",
    fix: "Replace the statement or attachment with the specific actions on the specific resources the principal uses.",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
    compliance: { cis: ["1.16"], nist: ["AC-6"], pci: ["7.2.1"] },
  },
  validate,
});
