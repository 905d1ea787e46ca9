import { actionMatches } from "../lib/iam-policy";
import { CompliancePolicy, ResourceCheck, resourcePolicy, stringList } from "../lib/policy";
import { knownOr, read } from "../lib/props";
import { mayGrant, PERMISSION_DOCUMENT_TYPES, permissionStatements, reportGrant } from "./documents";

const WILDCARD = /^(\*|[a-z0-9-]+:\*)$/i;

function validate(check: ResourceCheck): void {
  const allowed = knownOr(read.array(check.config, "allowedActions"), []).filter((entry): entry is string => typeof entry === "string");
  for (const located of permissionStatements(check)) {
    const { actions, notActions } = located.statement;
    const wildcards = actions.values.filter((action) => WILDCARD.test(action) && !allowed.some((entry) => actionMatches(entry, action)));
    if (wildcards.length > 0) {
      reportGrant(
        check,
        located,
        `allows wildcard actions ${wildcards.map((a) => `"${a}"`).join(", ")}: list the actions the principal calls`,
      );
    }
    if (notActions.values.length > 0 || notActions.unknown) {
      reportGrant(
        check,
        located,
        "uses NotAction, which allows every other action, including future ones: list the allowed actions instead",
      );
    }
    if (actions.unknown && mayGrant(located)) {
      check.undecided(`${located.where}: its Action is unknown during preview`);
    }
  }
}

export const iamNoWildcardActions: CompliancePolicy = resourcePolicy({
  name: "iam-no-wildcard-actions",
  description: 'IAM Allow statements must list actions, not "*", "service:*" or NotAction.',
  severity: "high",
  enforcementLevel: "mandatory",
  resourceTypes: PERMISSION_DOCUMENT_TYPES,
  config: {
    allowedActions: stringList('Wildcard actions accepted anyway (IAM patterns, e.g. "logs:*").'),
  },
  docs: {
    what: "No Allow statement may have `Action` `*` or `<service>:*`, or use `NotAction`; the config `allowedActions` lists accepted exceptions.",
    why: "Wildcard actions grant what nobody reviewed, including actions AWS adds later, such as changing a bucket's policy or deleting a key.",
    fix: "Replace the wildcard with the actions the principal calls (the service's documentation and IAM Access Analyzer policy generation list them).",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
    compliance: { nist: ["AC-6"], pci: ["7.2.1"] },
  },
  validate,
});
