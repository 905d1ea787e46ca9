import { requireCompanion } from "../lib/companions";
import { CompliancePolicy, stackPolicy } from "../lib/policy";
import { CLOUDWATCH_EVENT_RULE } from "../lib/resource-types";
import { EVENT_TARGET } from "../lib/resource-types";

export const ruleHasTarget: CompliancePolicy = stackPolicy({
  name: "eventbridge-rule-has-target",
  description: "Every EventBridge rule should have at least one target.",
  severity: "low",
  enforcementLevel: "advisory",
  docs: {
    what: "Each `aws.cloudwatch.EventRule` needs an `aws.cloudwatch.EventTarget` whose `rule` names it.",
    why: "A rule without a target matches events and does nothing, so the alert or trigger it stands for silently never happens.",
    fix: "Add `new aws.cloudwatch.EventTarget(name, { rule: rule.name, arn: ... })`, or remove the rule.",
    url: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-targets.html",
    compliance: {},
  },
  validate: (check) =>
    requireCompanion(check, {
      parentTypes: [CLOUDWATCH_EVENT_RULE],
      parentKeys: ["name"],
      companionTypes: [EVENT_TARGET],
      reference: "rule",
      needs: "EventTarget",
    }),
});
