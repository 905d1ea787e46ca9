// The config check: waiver mistakes in the --policy-pack-config file, reported as `waiver-mistakes`
// findings on the root stack. The pack cannot see them: the policy SDK hands each policy only its own
// config entry, and the engine passes an entry that names no policy on without a word
// (pkg/resource/analyzer/config.go). The checker has the whole file and the whole stack, so it reports
// them itself, marked `configCheck: true`, because a real preview never shows them.
import { closestName } from "../policies/lib/names";
import type { PolicyConfigFile, ReconciledPolicyConfig } from "./analyze/policyConfig";
import { rootStackUrn } from "./urn";
import type { Finding, PackInfo, RecordedResource, SourceLocation } from "./types";

/** The pack policy whose level the config check's findings take, and under which they are reported. */
export const WAIVER_MISTAKES = "waiver-mistakes";

/** How the pack was configured: the user's file (when given) and what Configure sent. */
export interface PackPolicyConfig {
  file?: PolicyConfigFile;
  reconciled: ReconciledPolicyConfig;
}

/** The stack the findings are about. */
export interface CheckedStack {
  project: string;
  stack: string;
  resources: readonly RecordedResource[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The first line of the file where `pattern` matches; line 1 when it does not (written with other escapes). */
function locate(file: PolicyConfigFile, pattern: string): SourceLocation {
  const match = new RegExp(pattern).exec(file.text);
  return { file: file.file, line: match ? file.text.slice(0, match.index).split("\n").length : 1 };
}

function suggestion(typed: string, known: readonly string[], otherwise: string): string {
  const closest = closestName(typed, known);
  return closest === undefined ? otherwise : `did you mean '${closest}'?`;
}

/** Each `waivers` entry of a known policy's config whose `resource` names a resource the stack does not have. */
function staleWaivers(file: PolicyConfigFile, known: readonly string[], stack: CheckedStack): { policy: string; resource: string }[] {
  const names = new Set(stack.resources.flatMap((r) => [r.name, r.urn]));
  return Object.entries(file.entries)
    .filter(([policy]) => known.includes(policy))
    .flatMap(([policy, entry]) => {
      const waivers = entry.properties.waivers;
      // A waivers value that is not a list, or an entry without a resource, is the pack's to report.
      const resources = Array.isArray(waivers)
        ? waivers.map((w: unknown) => (w !== null && typeof w === "object" ? (w as { resource?: unknown }).resource : undefined))
        : [];
      return resources
        .filter((r): r is string => typeof r === "string" && r !== "" && !names.has(r))
        .map((resource) => ({ policy, resource }));
    });
}

/**
 * The config check's findings, at the level Configure gave `waiver-mistakes` (none when it is disabled,
 * or when the pack has no such policy): an entry of the user's file that names no policy of the pack,
 * and a config waiver of a known policy that names no resource of the stack (by name or URN, as the pack
 * matches waivers).
 */
export function configFindings(config: PackPolicyConfig, pack: PackInfo, stack: CheckedStack): Finding[] {
  const rule = pack.policies.find((p) => p.name === WAIVER_MISTAKES);
  const level = config.reconciled.config[WAIVER_MISTAKES]?.enforcementLevel;
  const { file } = config;
  if (!file || !rule || level === undefined || level === "disabled") {
    return [];
  }
  const known = pack.policies.map((p) => p.name);
  const finding = (message: string, location: SourceLocation): Finding => ({
    policy: WAIVER_MISTAKES,
    // As the engine reports a remediate-level stack policy's diagnostic.
    enforcementLevel: level === "remediate" ? "mandatory" : level,
    severity: rule.severity,
    resourceType: "pulumi:pulumi:Stack",
    resourceName: `${stack.project}-${stack.stack}`,
    urn: rootStackUrn(stack.stack, stack.project),
    message,
    location,
    configCheck: true,
  });
  const unknown = config.reconciled.unknown.map((name) => {
    const change = suggestion(name, known, "use a policy name from docs/policies.md.");
    return finding(
      `policy config ${file.file}: entry '${name}' names no policy of pack ${pack.name}, so it is passed on unused and its level and waivers apply to nothing: ${change} Rename the entry or remove it.`,
      locate(file, `${escapeRegExp(JSON.stringify(name))}\\s*:`),
    );
  });
  const resourceNames = stack.resources.map((r) => r.name);
  const stale = staleWaivers(file, known, stack).map(({ policy, resource }) => {
    const change = suggestion(resource, resourceNames, "no resource of the stack has a similar name.");
    return finding(
      `policy config ${file.file}: a waiver of ${policy} names resource '${resource}', which is not in the stack, so it waives nothing: ${change} Fix the name, or remove the stale waiver.`,
      locate(file, `"resource"\\s*:\\s*${escapeRegExp(JSON.stringify(resource))}`),
    );
  });
  return [...unknown, ...stale];
}

/**
 * The line the config check replaces, for a pack without a `waiver-mistakes` policy to report under:
 * the entries of the user's file that name no policy of the pack.
 */
export function unusedEntriesWarning(config: PackPolicyConfig, pack: PackInfo): string[] {
  const { unknown } = config.reconciled;
  if (!config.file || unknown.length === 0 || pack.policies.some((p) => p.name === WAIVER_MISTAKES)) {
    return [];
  }
  const names = unknown.map((n) => `'${n}'`).join(", ");
  return [
    `${config.file.file}: ${names} ${unknown.length === 1 ? "names no policy" : "name no policies"} of pack ${pack.name}; passed on unused, as the engine does (check for a typo)`,
  ];
}
