/**
 * The stack is the first segment of the resource URN (`urn:pulumi:<stack>::...`); production stacks
 * are the config list `productionStacks`.
 */
import { actionField, PipelineAction, pipelineActions } from "../lib/pipeline";
import { CompliancePolicy, ResourceCheck, resourcePolicy, stringList } from "../lib/policy";
import { isUnknown, knownOr, read, Unknown } from "../lib/props";
import { CODEPIPELINE_PIPELINE } from "../lib/resource-types";
import { Position, positionOf, runsBefore } from "./action-order";

function stackOf(urn: string): string {
  return urn.split("::")[0].split(":").slice(2).join(":");
}

type Kind = "approval" | "deploy" | "other" | "unknown";

interface Entry {
  readonly action: PipelineAction;
  readonly kind: Kind;
  readonly at: Position | Unknown;
}

function kindOf(action: PipelineAction): Kind {
  const category = actionField(action, "category");
  const provider = actionField(action, "provider");
  if (isUnknown(category) || (category === "Approval" && isUnknown(provider))) {
    return "unknown";
  }
  if (category === "Approval" && provider === "Manual") {
    return "approval";
  }
  return category === "Deploy" ? "deploy" : "other";
}

function validate(check: ResourceCheck): void {
  const stack = stackOf(check.resource.urn);
  const production = knownOr(read.array(check.config, "productionStacks"), []);
  if (!production.includes(stack)) {
    return;
  }
  const { actions, unknown } = pipelineActions(check.resource.props);
  for (const path of unknown) {
    check.undecided(`${path} is unknown during preview: cannot check for an approval before production deploys`);
  }
  const entries = actions.map((action): Entry => ({ action, kind: kindOf(action), at: positionOf(action) }));
  for (const { action, kind, at } of entries) {
    if (kind === "unknown" || isUnknown(at)) {
      check.undecided(`${action.label}: its category, provider or runOrder is unknown during preview`);
      continue;
    }
    if (kind !== "deploy") {
      continue;
    }
    const earlier = entries.filter((entry) => !isUnknown(entry.at) && runsBefore(entry.at, at));
    if (earlier.some((entry) => entry.kind === "approval")) {
      continue;
    }
    if (unknown.length > 0 || entries.some((entry) => entry.kind === "unknown" || isUnknown(entry.at))) {
      check.undecided(`${action.label} deploys to production and the actions before it are not all known during preview`);
    } else {
      check.violation(
        `${action.label} deploys in production stack "${stack}" with no manual approval before it: add an Approval action (provider Manual) in an earlier stage`,
      );
    }
  }
}

export const codepipelineProductionApproval: CompliancePolicy = resourcePolicy({
  name: "codepipeline-production-approval",
  description: "In production stacks, a manual approval must precede every deploy action.",
  severity: "high",
  enforcementLevel: "mandatory",
  resourceTypes: [CODEPIPELINE_PIPELINE],
  config: {
    productionStacks: stringList("Stack names (the first segment of the URN) whose pipelines deploy to production.", [
      "prod",
      "production",
    ]),
  },
  docs: {
    what: 'In a stack named in `productionStacks` (default `prod`, `production`), each action with `category: "Deploy"` needs an action with `category: "Approval"` and provider `Manual` before it (earlier stage, or lower `runOrder` in the same stage).',
    why: "Without an approval every merged change reaches production unreviewed; change control asks that a release be approved by someone accountable for it.",
    fix: "Add a stage with a Manual approval action (optionally notifying an SNS topic) before the deploy stage in production pipelines.",
    url: "https://docs.aws.amazon.com/codepipeline/latest/userguide/approvals.html",
    compliance: { nist: ["CM-3", "CM-5"], pci: ["6.5.1"] },
  },
  validate,
});
