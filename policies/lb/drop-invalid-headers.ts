import { CompliancePolicy, ResourceCheck, resourcePolicy } from "../lib/policy";
import { read } from "../lib/props";
import { undecidedWhenUnknown } from "../lib/state";
import { loadBalancerType, LOAD_BALANCERS } from "./types";

function validate(check: ResourceCheck): void {
  const props = check.resource.props;
  const type = loadBalancerType(props);
  if (undecidedWhenUnknown(check, type, "loadBalancerType")) {
    return;
  }
  // Only application load balancers parse HTTP headers.
  if (type !== "application") {
    return;
  }
  const drop = read.boolean(props, "dropInvalidHeaderFields");
  if (undecidedWhenUnknown(check, drop, "dropInvalidHeaderFields")) {
    return;
  }
  // Absent is the provider default false.
  if (drop !== true) {
    check.violation("invalid HTTP header fields are passed to the targets: set dropInvalidHeaderFields: true");
  }
}

export const lbDropInvalidHeaders: CompliancePolicy = resourcePolicy({
  name: "lb-drop-invalid-headers",
  description: "Application load balancers must drop invalid HTTP header fields.",
  severity: "medium",
  enforcementLevel: "advisory",
  resourceTypes: LOAD_BALANCERS,
  docs: {
    what: "An application load balancer (`loadBalancerType` absent or `application`) must set `dropInvalidHeaderFields: true` (absent is `false`).",
    why: "Malformed header fields reach the targets otherwise, which opens the application to HTTP request smuggling and header injection.",
    fix: "Set `dropInvalidHeaderFields: true` on the load balancer.",
    url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes",
    compliance: { nist: ["SI-10", "SC-7"] },
  },
  validate,
});
