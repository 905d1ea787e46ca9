import { CompliancePolicy, ResourceCheck, resourcePolicy, stringList } from "../lib/policy";
import { knownOr, read } from "../lib/props";
import { undecidedWhenUnknown } from "../lib/state";
import { stackOf } from "./stack-name";
import { LOAD_BALANCERS } from "./types";

function validate(check: ResourceCheck): void {
  const stack = stackOf(check.resource.urn);
  const protectedStacks = knownOr(read.array(check.config, "protectedStacks"), []);
  if (!protectedStacks.includes(stack)) {
    return;
  }
  const enabled = read.boolean(check.resource.props, "enableDeletionProtection");
  if (undecidedWhenUnknown(check, enabled, "enableDeletionProtection")) {
    return;
  }
  // Absent is the provider default false.
  if (enabled !== true) {
    check.violation(`deletion protection is off in stack "${stack}": set enableDeletionProtection: true`);
  }
}

export const lbDeletionProtection: CompliancePolicy = resourcePolicy({
  name: "lb-deletion-protection",
  description: "Load balancers in production stacks must have deletion protection.",
  severity: "medium",
  enforcementLevel: "mandatory",
  resourceTypes: LOAD_BALANCERS,
  config: {
    protectedStacks: stringList("Stack names (the first segment of the URN) whose load balancers need deletion protection.", [
      "prod",
      "production",
    ]),
  },
  docs: {
    what: "In a stack named in `protectedStacks` (default `prod`, `production`), `enableDeletionProtection` must be `true` (absent is `false`).",
    why: "Deleting a production load balancer, by a mistaken destroy or a replacement, stops the service and loses the DNS name clients use.",
    fix: "Set `enableDeletionProtection: true` for production stacks, e.g. from a stack config key; turn it off with an update before a deliberate destroy.",
    url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#deletion-protection",
    compliance: { nist: ["CP-10", "SC-5"] },
  },
  validate,
});
