import type { CompliancePolicy, ResourceCheck } from "../lib/policy";
import { isSet, isUnknown, read } from "../lib/props";
import { notPublicPolicy } from "../lib/public-principal";
import { EVENT_BUS_POLICY, EVENT_PERMISSION } from "../lib/resource-types";

function validatePermission(check: ResourceCheck): void {
  const props = check.resource.props;
  const principal = read.string(props, "principal");
  if (isSet(props, "condition") || (principal !== "*" && !isUnknown(principal))) {
    return;
  }
  if (isUnknown(principal)) {
    check.undecided("principal is unknown during preview: cannot tell whether the bus is open to every account");
  } else {
    check.violation(
      'principal "*" with no condition lets every AWS account put events on the bus: name the account or add condition aws:PrincipalOrgID',
    );
  }
}

export const eventBusNotPublic: CompliancePolicy = notPublicPolicy({
  name: "eventbridge-event-bus-not-public",
  description: "An event bus must not accept events from every AWS account without a condition.",
  severity: "high",
  noun: "the event bus",
  requiredOn: [EVENT_BUS_POLICY],
  otherGrants: { [EVENT_PERMISSION]: validatePermission },
  docs: {
    what: 'No statement of an `aws.cloudwatch.EventBusPolicy` may Allow `Principal: "*"`, `{ AWS: "*" }` or a `NotPrincipal` without a `Condition`; no `aws.cloudwatch.EventPermission` may set `principal: "*"` without `condition`.',
    why: "An open bus accepts events from any AWS account, which can then fire the rules on it (deployments, notifications) with forged events.",
    fix: 'Name the sending accounts, or keep `*` with an `aws:PrincipalOrgID` condition (`condition: { key: "aws:PrincipalOrgID", type: "StringEquals", value: orgId }`).',
    url: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-bus-perms.html",
    compliance: { nist: ["AC-3", "AC-4"] },
  },
});
