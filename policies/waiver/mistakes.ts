/**
 * waiver-mistakes
 *
 * What: a waiver tag `compliance:waive:<policy>` on a resource must name a policy of this pack.
 * Why: a misspelt policy name waives nothing, and nothing else says so: the finding it was meant to
 * waive keeps failing the run, or, once the policy is renamed, the tag lingers as a false record of an
 * accepted risk.
 * Fix: rename the tag to the policy's exact name (the finding suggests the closest one) or remove it.
 *
 * Not checked here: config waivers (`<policy>.waivers` in the policy-pack config) under an unknown
 * policy name, or naming a resource the stack does not have. The policy SDK hands each policy only
 * its own config entry, so no stack policy can see another policy's waivers; the offline checker
 * warns about config entries that name no policy.
 */
import { closestName } from "../lib/closest";
import { CompliancePolicy, stackPolicy } from "../lib/policy";
import { isUnknown } from "../lib/props";
import { WAIVER_TAG_PREFIX, waiverTagPolicies } from "../lib/waivers";

export const WAIVER_MISTAKES = "waiver-mistakes";

/** The policy, checking waiver tags against the names of `checked` and its own. */
export function waiverMistakes(checked: readonly CompliancePolicy[]): CompliancePolicy {
    const known = [...checked.map((policy) => policy.name), WAIVER_MISTAKES];
    return stackPolicy({
        name: WAIVER_MISTAKES,
        description: "Waiver tags must name a policy of the pack.",
        severity: "low",
        enforcementLevel: "advisory",
        docs: {
            what: "A waiver tag `compliance:waive:<policy>` on a resource must name a policy of this pack (a resource whose tags are unknown during preview is undecided). Config waivers are not checked: the policy SDK gives each policy only its own config.",
            why: "A waiver tag with a misspelt policy name waives nothing and says nothing: the finding it was meant to waive keeps failing the run, or the waiver lingers as a false record of an accepted risk.",
            fix: "Rename the tag to the exact policy name (the finding suggests the closest one), or remove it.",
            url: "https://www.pulumi.com/docs/iac/using-pulumi/crossguard/configuration/",
            compliance: { nist: ["CM-6"] },
        },
        validate: (check) => {
            for (const resource of check.resources) {
                const named = waiverTagPolicies(resource.props);
                if (isUnknown(named)) {
                    check.undecided(resource, "the resource's tags are unknown during preview, so its waiver tags cannot be checked against the pack's policies");
                    continue;
                }
                for (const policy of named.filter((name) => !known.includes(name))) {
                    const closest = closestName(policy, known);
                    const change = closest === undefined ? "use a policy name from docs/policies.md." : `did you mean ${WAIVER_TAG_PREFIX}${closest}?`;
                    check.violation(resource, `waiver tag ${WAIVER_TAG_PREFIX}${policy} names no policy of this pack, so it waives nothing: ${change} Rename the tag or remove it.`);
                }
            }
        },
    });
}
