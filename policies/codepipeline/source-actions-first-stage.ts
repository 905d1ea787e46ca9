import { actionField, pipelineActions } from "../lib/pipeline";
import { CompliancePolicy, ResourceCheck, resourcePolicy } from "../lib/policy";
import { isUnknown } from "../lib/props";
import { CODEPIPELINE_PIPELINE } from "../lib/resource-types";

function validate(check: ResourceCheck): void {
  const { actions, unknown } = pipelineActions(check.resource.props);
  for (const path of unknown) {
    check.undecided(`${path} is unknown during preview: cannot check where its source actions are`);
  }
  for (const action of actions) {
    const category = actionField(action, "category");
    if (isUnknown(category)) {
      check.undecided(`${action.label}: its category is unknown during preview`);
    } else if (category === "Source" && action.stage > 0) {
      check.violation(`${action.label} is a source action outside the first stage: CodePipeline rejects it; move it to the first stage`);
    } else if (category !== "Source" && action.stage === 0) {
      check.violation(`${action.label} is a ${category ?? "category-less"} action in the first stage, which may hold only source actions`);
    }
  }
}

export const codepipelineSourceActionsFirstStage: CompliancePolicy = resourcePolicy({
  name: "codepipeline-source-actions-first-stage",
  description: "Source actions belong in the first stage, and only source actions.",
  severity: "medium",
  enforcementLevel: "mandatory",
  resourceTypes: [CODEPIPELINE_PIPELINE],
  docs: {
    what: 'Every action with `category: "Source"` must be in the first stage, and the first stage must contain nothing else.',
    why: "CodePipeline rejects other layouts when it creates or updates the pipeline: the error appears at deploy time instead of in the pull request.",
    fix: "Put all source actions in the first stage and move build, test, approval and deploy actions to later stages.",
    url: "https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-pipeline-structure.html",
    compliance: { nist: ["CM-3"] },
  },
  validate,
});
