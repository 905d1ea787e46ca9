/**
 * Name lists in policy config (`allowedProjects`, `allowedServices`, ...): exact names or `*`
 * wildcards, so that one entry can cover every stack's copy of a resource (`*-build-project*`).
 */

function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}$`);
}

/** True when one of `patterns` matches one of `names` (the string ones; others are ignored). */
export function nameMatches(patterns: readonly unknown[], names: readonly unknown[]): boolean {
  const candidates = names.filter((name): name is string => typeof name === "string");
  return patterns.some((pattern) => typeof pattern === "string" && candidates.some((name) => globToRegExp(pattern).test(name)));
}
