/**
 * The one vocabulary for what a policy knows about a value it parsed or judged. A value is known (and
 * holds its parse), absent, unknown during preview, or malformed (and says why); a judgement of a
 * setting passes, fails or cannot tell yet. Every parser and judge in the pack speaks these, so a
 * policy turns them into findings the same way wherever they come from.
 */
import type { ResourceCheck } from "./policy";
import { isUnknown, type Unknown } from "./props";

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

/** The verdict on a value read as `T | undefined | UNKNOWN`: unknown stays unknown, else `passes` decides. */
export function verdictOn<T>(value: T | undefined | Unknown, passes: (value: T | undefined) => boolean): Verdict {
  if (isUnknown(value)) {
    return "unknown";
  }
  return passes(value) ? "pass" : "fail";
}

/** Where a resource policy's verdicts go. */
type FindingSink = Pick<ResourceCheck, "violation" | "undecided">;

/** Reports a failing verdict as a violation and an unknown one as undecided; a pass reports nothing. */
export function reportVerdict(check: FindingSink, verdict: Verdict, messages: { readonly fail: string; readonly unknown: string }): void {
  if (verdict === "fail") {
    check.violation(messages.fail);
  } else if (verdict === "unknown") {
    check.undecided(messages.unknown);
  }
}

/**
 * Reports `<path> is unknown during preview` as undecided when the value read at `path` is unknown,
 * and tells the policy so: it has nothing to judge then.
 */
export function undecidedWhenUnknown<T>(check: FindingSink, value: T | Unknown, path: string): value is Unknown {
  if (isUnknown(value)) {
    check.undecided(`${path} is unknown during preview`);
    return true;
  }
  return false;
}
