// The functions a program called that the provider model could not answer: counted for the report,
// and named on stderr, because every value built from them was unknown to the policies.
import type { RecordedInvoke, UnansweredFunction } from "../types";

/** Unanswered calls per token, sorted by token. */
export function unansweredFunctions(invokes: readonly RecordedInvoke[]): UnansweredFunction[] {
  const calls = new Map<string, number>();
  for (const invoke of invokes.filter((i) => !i.answered)) {
    calls.set(invoke.token, (calls.get(invoke.token) ?? 0) + 1);
  }
  return [...calls].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([token, count]) => ({ token, calls: count }));
}

/** The stderr note, or undefined when every call was answered. */
export function unansweredNote(functions: readonly UnansweredFunction[]): string | undefined {
  if (functions.length === 0) {
    return undefined;
  }
  const list = functions.map((f) => (f.calls === 1 ? f.token : `${f.token} (${f.calls} calls)`)).join(", ");
  return (
    `note: ${functions.length} function(s) the offline provider model cannot answer returned unknown results (${list}): ` +
    "policies that depend on them report [undecided]; a real pulumi preview --policy-pack calls them"
  );
}
