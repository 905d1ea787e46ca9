// The second look: when a pipeline's stages or a rule's event pattern are built inside `apply` over
// another resource's output, a first preview cannot see inside them and the five core policies report
// `[undecided]`, which a PR gate passes. The second look runs the program again as a preview of the
// deployed stack would see it (every other resource's outputs known: the provider model's created
// outputs, see record/deployed.ts) and judges again, keeping only what it newly decides: a violation of
// a core policy on a resource whose first-look result for that policy was undecided. First-look
// findings are never changed (they are the engine's); second-look ones are marked `secondLook: true`
// and say which outputs were assumed.
import type { CheckReport, Finding, Recording } from "./types";

/** The policies that stop the five known failures a policy can see. */
export const CORE_POLICIES: readonly string[] = [
  "codepipeline-artifact-store-region",
  "codepipeline-no-github-v1-source",
  "s3-no-deprecated-inline-config",
  "ecs-deploy-target-in-stack",
  "eventbridge-codecommit-rule-matches-source",
];

const PROVIDER_PREFIX = "pulumi:providers:";

function key(f: Pick<Finding, "policy" | "urn">): string {
  return `${f.policy}\u0000${f.urn}`;
}

/** The core findings a first look left undecided (policy and URN); empty means no second look is needed. */
export function undecidedCore(report: CheckReport): Set<string> {
  return new Set(report.undecided.filter((f) => CORE_POLICIES.includes(f.policy)).map(key));
}

/** The resources whose synthesized outputs `urn`'s inputs rest on: its custom, non-provider dependencies. */
export function assumedOutputsOf(recording: Recording, urn: string): string[] {
  const byUrn = new Map(recording.resources.map((r) => [r.urn, r]));
  const names = new Set<string>();
  for (const dependency of byUrn.get(urn)?.dependencies ?? []) {
    const resource = byUrn.get(dependency);
    if (resource?.custom && !resource.type.startsWith(PROVIDER_PREFIX)) {
      names.add(resource.name);
    }
  }
  return [...names].sort();
}

export const SECOND_LOOK_PREFIX = "[second look: assumed outputs of ";

/**
 * The second look's verdicts worth reporting: violations of a core policy on a (policy, resource) the
 * first look left undecided, marked and prefixed with the outputs they assume.
 */
export function secondLookFindings(undecided: Set<string>, second: CheckReport, recording: Recording): Finding[] {
  return second.violations
    .filter((f) => undecided.has(key(f)))
    .map((f) => {
      const assumed = assumedOutputsOf(recording, f.urn);
      const what = assumed.length > 0 ? assumed.join(", ") : "the stack's resources";
      return { ...f, message: `${SECOND_LOOK_PREFIX}${what}] ${f.message}`, secondLook: true as const };
    });
}

/** The first look's findings only: what the real engine reports and the conformance suite compares. */
export function firstLookOnly(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.secondLook !== true);
}
