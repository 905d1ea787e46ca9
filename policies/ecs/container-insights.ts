import { CompliancePolicy, ResourceCheck, resourcePolicy } from "../lib/policy";
import { isUnknown, knownOr, read } from "../lib/props";
import { undecidedWhenUnknown } from "../lib/state";
import { setInput } from "../lib/remediation";
import { ECS_CLUSTER } from "../lib/resource-types";

const SETTING = "containerInsights";
const ON = ["enabled", "enhanced"];

function insightsEntries(settings: readonly unknown[]): readonly unknown[] {
  return settings.filter((entry) => read.string(entry, "name") === SETTING);
}

function validate(check: ResourceCheck): void {
  const settings = read.array(check.resource.props, "settings");
  if (undecidedWhenUnknown(check, settings, "settings")) {
    return;
  }
  const list = knownOr(settings, []);
  const values = insightsEntries(list).map((entry) => read.string(entry, "value"));
  if (values.some((value) => typeof value === "string" && ON.includes(value))) {
    return;
  }
  if (values.some(isUnknown) || list.some((entry) => isUnknown(entry) || isUnknown(read.string(entry, "name")))) {
    check.undecided("the containerInsights setting is unknown during preview");
    return;
  }
  check.violation(`Container Insights is off: add settings [{ name: "${SETTING}", value: "enabled" }]`);
}

/** Switches existing entries on (in place, keeping their other fields), or appends one; other settings stay as they are. */
const remediate = setInput("settings", (props) => {
  const list = knownOr(read.array(props, "settings"), []);
  if (list.some((entry) => isUnknown(entry) || isUnknown(read.string(entry, "name")))) {
    return undefined;
  }
  const entries = insightsEntries(list);
  const values = entries.map((entry) => read.string(entry, "value"));
  if (values.some((value) => isUnknown(value) || (typeof value === "string" && ON.includes(value)))) {
    return undefined;
  }
  if (entries.length === 0) {
    return [...list, { name: SETTING, value: "enabled" }];
  }
  for (const entry of entries) {
    (entry as Record<string, unknown>).value = "enabled";
  }
  return list;
});

export const ecsContainerInsights: CompliancePolicy = resourcePolicy({
  name: "ecs-container-insights",
  description: "ECS clusters must have Container Insights enabled.",
  severity: "low",
  enforcementLevel: "advisory",
  resourceTypes: [ECS_CLUSTER],
  docs: {
    what: 'The cluster\'s `settings` must contain `{ name: "containerInsights", value: "enabled" }` (or `"enhanced"`).',
    why: "Container Insights provides the per-service and per-task metrics and events that show a failing deployment or a task running out of memory.",
    fix: 'Add `settings: [{ name: "containerInsights", value: "enabled" }]`; enforcement level `remediate` does it, keeping other settings.',
    url: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/ContainerInsights.html",
    compliance: { nist: ["SI-4", "AU-12"] },
  },
  validate,
  remediate,
});
