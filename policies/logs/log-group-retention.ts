/**
 * The default, 7 days, is the shortest that still covers a failed build found after a weekend, and
 * what the dev stack uses; production gates raise it through the pack config.
 */
import { CompliancePolicy, PolicyConfig, ResourceCheck, resourcePolicy } from "../lib/policy";
import { isUnknown, knownOr, read } from "../lib/props";
import { setInput } from "../lib/remediation";
import { LOG_GROUP } from "../lib/resource-types";

/** The values CloudWatch Logs accepts for retentionInDays, besides 0 (never expire). */
const ACCEPTED_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

function minimumOf(config: PolicyConfig): number {
  return knownOr(read.number(config, "minimumDays"), 1);
}

/**
 * Absent and 0 are one setting: 0 is the provider's default, which its `Check` fills in before the
 * engine analyzes, while offline the field stays absent; judging them alike keeps both verdicts equal.
 */
function neverExpires(days: number | undefined): days is undefined | 0 {
  return days === undefined || days === 0;
}

/** Delivery-class log groups have a fixed two-day retention that the input cannot change. */
function isDeliveryClass(props: unknown): boolean {
  return read.string(props, "logGroupClass") === "DELIVERY";
}

function validate(check: ResourceCheck): void {
  if (isDeliveryClass(check.resource.props)) {
    return;
  }
  const minimum = minimumOf(check.config);
  const days = read.number(check.resource.props, "retentionInDays");
  if (isUnknown(days)) {
    check.undecided("retentionInDays is unknown during preview");
  } else if (neverExpires(days)) {
    check.violation(`the log group never expires its events: set retentionInDays to ${minimum} days or more`);
  } else if (days < minimum) {
    check.violation(`retentionInDays is ${days}, below the minimum of ${minimum} days`);
  }
}

const remediate = setInput("retentionInDays", (props, config) => {
  const minimum = minimumOf(config);
  const days = read.number(props, "retentionInDays");
  if (isDeliveryClass(props) || (typeof days === "number" && !neverExpires(days) && days >= minimum)) {
    return undefined;
  }
  // A configured minimum above CloudWatch's largest value falls back to the largest.
  return ACCEPTED_DAYS.find((value) => value >= minimum) ?? ACCEPTED_DAYS[ACCEPTED_DAYS.length - 1];
});

export const logGroupRetention: CompliancePolicy = resourcePolicy({
  name: "logs-log-group-retention",
  description: "Log groups must expire their events, after at least the configured minimum (default 7 days).",
  severity: "low",
  enforcementLevel: "advisory",
  resourceTypes: [LOG_GROUP],
  config: {
    minimumDays: {
      type: "integer",
      minimum: 1,
      default: 7,
      description: "Shortest accepted retentionInDays; production gates should use 365.",
    },
  },
  docs: {
    what: "An `aws.cloudwatch.LogGroup` must set `retentionInDays` to at least the config `minimumDays` (default 7); absent and 0 (the provider's default) both mean never expire. Delivery-class log groups are skipped.",
    why: "Logs that never expire are billed forever and keep any secret that leaked into them; logs expired too early are gone before an incident is investigated.",
    fix: "Set `retentionInDays` (enforcement level `remediate` sets the smallest accepted value meeting the minimum when it is absent, 0 or too short). Production packs should set `minimumDays: 365` (PCI DSS 10.5.1 keeps audit logs for a year).",
    url: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention",
    compliance: { nist: ["AU-11", "SI-12"], pci: ["10.5.1"] },
  },
  validate,
  remediate,
});
