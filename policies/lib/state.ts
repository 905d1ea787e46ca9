/**
 * The one vocabulary for what a policy knows about a value it parsed or judged. A value is known (and
 * holds its parse), absent, unknown during preview, or malformed (and says why); a judgement of a
 * setting passes, fails or cannot tell yet. Every parser and judge in the pack speaks these, so a
 * policy turns them into findings the same way wherever they come from.
 */

/** A parsed value: known, absent, unknown during preview, or present but unusable. */
export type ValueState<T> =
  | { readonly kind: "known"; readonly value: T }
  | { readonly kind: "absent" }
  | { readonly kind: "unknown" }
  | { readonly kind: "malformed"; readonly reason: string };

/** How a setting fares against a requirement: it meets it, it does not, or it cannot be told during preview. */
export type Verdict = "pass" | "fail" | "unknown";

/** The verdict of several alternatives of which one is enough: any pass passes, else any unknown is unknown. */
export function anyPasses(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes("pass")) {
    return "pass";
  }
  return verdicts.includes("unknown") ? "unknown" : "fail";
}

/** The verdict of several conditions that must all hold: any fail fails, else any unknown is unknown. */
export function allPass(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes("fail")) {
    return "fail";
  }
  return verdicts.includes("unknown") ? "unknown" : "pass";
}
