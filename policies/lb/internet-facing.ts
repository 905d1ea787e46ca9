import { nameMatches } from "../lib/names";
import { CompliancePolicy, ResourceCheck, resourcePolicy, stringList } from "../lib/policy";
import { isUnknown, knownOr, read } from "../lib/props";
import { LOAD_BALANCERS, reasonTag } from "./types";

/** Tag whose non-empty value states why a load balancer faces the internet. */
export const INTERNET_FACING_REASON_TAG = "compliance:internet-facing-reason";

function validate(check: ResourceCheck): void {
  const props = check.resource.props;
  const internal = read.boolean(props, "internal");
  if (internal === true) {
    return;
  }
  const allowed = knownOr(read.array(check.config, "allowedInternetFacing"), []);
  if (nameMatches(allowed, [check.resource.name, read.string(props, "name")])) {
    return;
  }
  const reason = reasonTag(check.resource, INTERNET_FACING_REASON_TAG);
  if (typeof reason === "string") {
    return;
  }
  if (isUnknown(internal) || isUnknown(reason)) {
    check.undecided(`internal or the ${INTERNET_FACING_REASON_TAG} tag is unknown during preview`);
    return;
  }
  check.violation(
    `the load balancer is internet-facing (internal is not true): make it internal, list it in the policy config allowedInternetFacing, ` +
      `or state why in a tag ${INTERNET_FACING_REASON_TAG}`,
  );
}

export const lbInternetFacing: CompliancePolicy = resourcePolicy({
  name: "lb-internet-facing",
  description: "Load balancers face the internet only where intended (allow-listed or tagged with a reason).",
  severity: "medium",
  enforcementLevel: "advisory",
  resourceTypes: LOAD_BALANCERS,
  config: {
    allowedInternetFacing: stringList("Load balancers (logical name or `name` input; `*` wildcards) allowed to be internet-facing."),
  },
  docs: {
    what: "`internal` must be `true` (absent is internet-facing), unless the load balancer is in the config `allowedInternetFacing` or has a non-empty tag `compliance:internet-facing-reason`.",
    why: "An internet-facing load balancer is reachable by anyone its security groups admit; exposure should be a recorded decision, not a default.",
    fix: "Set `internal: true` for services used only inside the network; for a public entry point, list it in `allowedInternetFacing` or tag it `compliance:internet-facing-reason` with the reason.",
    url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-scheme",
    compliance: { nist: ["SC-7", "AC-4"], pci: ["1.4.1"] },
  },
  validate,
});
