/**
 * Names a user writes: name lists in policy config (`allowedProjects`, `allowedServices`, ...), exact
 * names or `*` wildcards so that one entry can cover every stack's copy of a resource
 * (`*-build-project*`), and "did you mean" suggestions for a name that matches none it should.
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

/** Levenshtein distance: insertions, deletions and substitutions of one character each cost 1. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The known name fewest single-character edits away from `typed` (the first of those on a tie), or
 * undefined when none is within a third of the longer name's length: beyond that a suggestion is more
 * likely a different name than a typo of it.
 */
export function closestName(typed: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(typed, name);
    if (distance <= Math.max(typed.length, name.length) / 3 && (best === undefined || distance < best.distance)) {
      best = { name, distance };
    }
  }
  return best?.name;
}
