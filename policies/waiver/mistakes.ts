/**
 * Only the tag part lives here; the config part is checker/configCheck.ts, which reports under this
 * policy's name and level.
 */
import { closestName } from "../lib/names";
import { CompliancePolicy, stackPolicy } from "../lib/policy";
import { isUnknown } from "../lib/props";
import { WAIVER_TAG_PREFIX, waiverTagPolicies } from "../lib/waivers";

export const WAIVER_MISTAKES = "waiver-mistakes";

/** The policy, checking waiver tags against the names of `checked` and its own. */
export function waiverMistakes(checked: readonly CompliancePolicy[]): CompliancePolicy {
  const known = [...checked.map((policy) => policy.name), WAIVER_MISTAKES];
  return stackPolicy({
    name: WAIVER_MISTAKES,
    description: "Waivers must name a policy of the pack, and config waivers a resource of the stack.",
    severity: "low",
    enforcementLevel: "advisory",
    docs: {
      what: "A waiver tag `compliance:waive:<policy>` on a resource must name a policy of this pack (a resource whose tags are unknown during preview is undecided); the pack checks the tags. The offline checker (`pipeline-check`) checks the policy-pack config under this policy's name and level, on the root stack: an entry naming no policy of the pack (`all` aside), and a `<policy>.waivers` entry whose `resource` is neither the name nor the URN of a resource of the stack. The pack cannot: the policy SDK gives each policy only its own config, and the engine passes entries naming no policy on unused, so a real `pulumi preview` does not report the config part.",
      why: "A waiver with a misspelt policy or resource name waives nothing and says nothing: the finding it was meant to waive keeps failing the run, or the waiver lingers as a false record of an accepted risk.",
      fix: "Rename the tag or config entry to the exact policy name, or fix the waiver's resource name (the finding suggests the closest name); or remove the stale waiver.",
      url: "https://www.pulumi.com/docs/iac/using-pulumi/crossguard/configuration/",
      compliance: { nist: ["CM-6"] },
    },
    validate: (check) => {
      for (const resource of check.resources) {
        const named = waiverTagPolicies(resource.props);
        if (isUnknown(named)) {
          check.undecided(
            resource,
            "the resource's tags are unknown during preview, so its waiver tags cannot be checked against the pack's policies",
          );
          continue;
        }
        for (const policy of named.filter((name) => !known.includes(name))) {
          const closest = closestName(policy, known);
          const change =
            closest === undefined ? "use a policy name from docs/policies.md." : `did you mean ${WAIVER_TAG_PREFIX}${closest}?`;
          check.violation(
            resource,
            `waiver tag ${WAIVER_TAG_PREFIX}${policy} names no policy of this pack, so it waives nothing: ${change} Rename the tag or remove it.`,
          );
        }
      }
    },
  });
}
