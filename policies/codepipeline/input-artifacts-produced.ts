import { pipelineActions } from "../lib/pipeline";
import { CompliancePolicy, ResourceCheck, resourcePolicy } from "../lib/policy";
import { isUnknown, readStrings } from "../lib/props";
import { CODEPIPELINE_PIPELINE } from "../lib/resource-types";
import { Position, positionOf, runsBefore } from "./action-order";

interface Output {
  readonly at: Position;
  readonly names: readonly string[];
  readonly unknown: boolean;
}

function validate(check: ResourceCheck): void {
  const { actions, unknown } = pipelineActions(check.resource.props);
  for (const path of unknown) {
    check.undecided(`${path} is unknown during preview: cannot check which artifacts its actions produce`);
  }
  const outputs: Output[] = [];
  const positions = actions.map(positionOf);
  actions.forEach((action, index) => {
    const at = positions[index];
    if (!isUnknown(at)) {
      const produced = readStrings(action.props, "outputArtifacts");
      outputs.push({ at, names: produced.values, unknown: produced.unknown });
    }
  });
  const uncertain = unknown.length > 0 || positions.some(isUnknown);
  actions.forEach((action, index) => {
    const at = positions[index];
    const inputs = readStrings(action.props, "inputArtifacts");
    if (isUnknown(at) || inputs.unknown) {
      check.undecided(`${action.label}: its runOrder or input artifacts are unknown during preview`);
      return;
    }
    const earlier = outputs.filter((output) => runsBefore(output.at, at));
    const available = new Set(earlier.flatMap((output) => output.names));
    const missing = inputs.values.filter((name) => !available.has(name));
    if (missing.length === 0) {
      return;
    }
    const list = missing.map((name) => `"${name}"`).join(", ");
    if (uncertain || earlier.some((output) => output.unknown)) {
      check.undecided(
        `${action.label}: input artifacts ${list} are not produced by a known earlier action, and some earlier artifacts are unknown during preview`,
      );
    } else {
      check.violation(
        `${action.label} reads input artifacts ${list} that no earlier action produces (earlier stage, or lower runOrder in its stage): CodePipeline rejects the pipeline`,
      );
    }
  });
}

export const codepipelineInputArtifactsProduced: CompliancePolicy = resourcePolicy({
  name: "codepipeline-input-artifacts-produced",
  description: "Every input artifact must be produced by an action that runs earlier.",
  severity: "medium",
  enforcementLevel: "mandatory",
  resourceTypes: [CODEPIPELINE_PIPELINE],
  docs: {
    what: "Each name in an action's `inputArtifacts` must appear in the `outputArtifacts` of an action in an earlier stage, or in the same stage with a lower `runOrder`.",
    why: "CodePipeline rejects the pipeline otherwise, at deploy time; a misspelt artifact name or a parallel action reading its sibling's output is enough.",
    fix: "Use the exact output artifact name of an earlier action, or give the producing action a lower `runOrder` or an earlier stage.",
    url: "https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-pipeline-structure.html#reference-action-artifacts",
    compliance: { nist: ["CM-3"] },
  },
  validate,
});
