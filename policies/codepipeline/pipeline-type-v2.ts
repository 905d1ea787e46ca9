/**
 * No remediation: switching V1 to V2 changes billing (per action-execution minute instead of per
 * active pipeline) and how executions start (triggers replace change detection), which the owner
 * must choose, not a policy engine.
 */
import { CompliancePolicy, ResourceCheck, resourcePolicy } from "../lib/policy";
import { need } from "../lib/props";
import { CODEPIPELINE_PIPELINE } from "../lib/resource-types";

function validate(check: ResourceCheck): void {
  const type = need.string(check.resource.props, "pipelineType");
  if (type !== "V2") {
    check.violation(
      `pipelineType is ${type === undefined ? "not set (V1)" : `"${type}"`}: set pipelineType "V2" for Git triggers with branch filters ` +
        "(check the billing and trigger changes first)",
    );
  }
}

export const codepipelinePipelineTypeV2: CompliancePolicy = resourcePolicy({
  name: "codepipeline-pipeline-type-v2",
  description: "Pipelines should be V2 (Git triggers with filters, variables, execution modes).",
  severity: "low",
  enforcementLevel: "advisory",
  resourceTypes: [CODEPIPELINE_PIPELINE],
  docs: {
    what: "`pipelineType` must be `V2`; an absent value means V1.",
    why: "V2 pipelines trigger on the pushes and branches their filters name instead of every change, and support variables and execution modes; V1 is the legacy type.",
    fix: 'Set `pipelineType: "V2"` and add `triggers` with a `gitConfiguration` for the source action. Not remediated automatically: V2 is billed per action-execution minute and starts executions from triggers, which changes behaviour.',
    url: "https://docs.aws.amazon.com/codepipeline/latest/userguide/pipeline-types.html",
    compliance: { nist: ["CM-2"] },
  },
  validate,
});
