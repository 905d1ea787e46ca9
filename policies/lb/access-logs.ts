import { CompliancePolicy, ResourceCheck, resourcePolicy } from "../lib/policy";
import { isSet, isUnknown, read } from "../lib/props";
import { LOAD_BALANCERS, reasonTag } from "./types";

/** Tag whose non-empty value justifies a load balancer without access logs. */
export const NO_ACCESS_LOGS_REASON_TAG = "compliance:no-access-logs-reason";

function validate(check: ResourceCheck): void {
  const props = check.resource.props;
  const enabled = read.boolean(props, "accessLogs.enabled");
  if (enabled === true && isSet(props, "accessLogs.bucket")) {
    return;
  }
  const reason = reasonTag(check.resource, NO_ACCESS_LOGS_REASON_TAG);
  if (typeof reason === "string") {
    return;
  }
  if (isUnknown(enabled) || isUnknown(reason)) {
    check.undecided(`accessLogs.enabled or the ${NO_ACCESS_LOGS_REASON_TAG} tag is unknown during preview`);
    return;
  }
  check.violation(`access logs are off: set accessLogs { bucket, enabled: true }, or state why in a tag ${NO_ACCESS_LOGS_REASON_TAG}`);
}

export const lbAccessLogs: CompliancePolicy = resourcePolicy({
  name: "lb-access-logs",
  description: "Load balancers should write access logs, or state why not.",
  severity: "low",
  enforcementLevel: "advisory",
  resourceTypes: LOAD_BALANCERS,
  docs: {
    what: "`accessLogs.enabled` must be `true` with a `bucket` (absent is off), unless the load balancer has a non-empty tag `compliance:no-access-logs-reason`.",
    why: "Access logs record every request (client address, path, status, TLS protocol); without them an incident cannot be traced to the requests behind it.",
    fix: "Set `accessLogs: { bucket, enabled: true }` with an SSE-S3 bucket whose policy allows Elastic Load Balancing log delivery, or tag the load balancer `compliance:no-access-logs-reason` with the reason.",
    url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html",
    compliance: { nist: ["AU-2", "AU-12"], pci: ["10.2.1"] },
  },
  validate,
});
