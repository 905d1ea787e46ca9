import type { CheckResult, CheckStatus } from "./types";

const MARKS: Record<CheckStatus, string> = { pass: "PASS", fail: "FAIL", skip: "SKIP", info: "INFO" };

export type Summary = Record<CheckStatus, number>;

export function summarize(results: readonly CheckResult[]): Summary {
  const summary: Summary = { pass: 0, fail: 0, skip: 0, info: 0 };
  for (const r of results) summary[r.status] += 1;
  return summary;
}

/** 0 when nothing failed (info and skip do not fail a run on their own), else 1. */
export function exitCodeFor(results: readonly CheckResult[]): 0 | 1 {
  return results.some((r) => r.status === "fail") ? 1 : 0;
}

export function formatText(stack: string, results: readonly CheckResult[]): string {
  const width = Math.max(0, ...results.map((r) => r.id.length));
  const lines = results.map((r) => `[${MARKS[r.status]}] ${r.id.padEnd(width)}  ${r.title}: ${r.detail}`);
  const s = summarize(results);
  const verdict = s.fail === 0 ? "all checks passed" : `${s.fail} check(s) failed`;
  return [
    `Post-deploy verification of ${stack}`,
    ...lines,
    `${verdict}: ${s.pass} passed, ${s.fail} failed, ${s.skip} skipped, ${s.info} info`,
    "",
  ].join("\n");
}

export function formatJson(stack: string, results: readonly CheckResult[]): string {
  return `${JSON.stringify({ stack, summary: summarize(results), results }, null, 2)}\n`;
}
