// Compares the engine's verdict with the checker's report exactly, both ways.
import { firstLookOnly } from "../../checker/secondLook";
import type { CheckReport } from "../../checker/types";
import type { ComparableFinding, ComparableRemediation, EngineVerdict } from "./events";

/**
 * The checker's report in the comparable shape. Second-look findings (`secondLook: true`) are left out:
 * they come from a run with assumed outputs, which the engine's first preview never makes. So are the
 * config check's (`configCheck: true`): the pack cannot see other policies' config, and the engine
 * passes unknown entries on silently, so no engine run can report them.
 */
export function verdictFromReport(report: CheckReport): EngineVerdict {
  const findings: ComparableFinding[] = [];
  for (const [kind, list] of [
    ["violation", report.violations],
    ["waived", report.waived],
    ["undecided", report.undecided],
  ] as const) {
    for (const f of firstLookOnly(list).filter((finding) => finding.configCheck !== true)) {
      findings.push({
        kind,
        policy: f.policy,
        enforcementLevel: f.enforcementLevel,
        resourceName: f.resourceName,
        urn: f.urn,
        message: f.message,
      });
    }
  }
  const remediations: ComparableRemediation[] = report.remediated.map((r) => ({ policy: r.policy, urn: r.urn }));
  return { findings, remediations };
}

function findingKey(f: ComparableFinding): string {
  return `${f.kind} ${f.enforcementLevel} ${f.policy} on ${f.urn}: ${f.message}`;
}

function remediationKey(r: ComparableRemediation): string {
  return `remediation ${r.policy} on ${r.urn}`;
}

function missing(from: string[], other: string[]): string[] {
  const counts = new Map<string, number>();
  for (const k of other) {
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const result: string[] = [];
  for (const k of from) {
    const n = counts.get(k) ?? 0;
    if (n > 0) {
      counts.set(k, n - 1);
    } else {
      result.push(k);
    }
  }
  return result;
}

/** Every disagreement, one line each, naming side, policy and resource; empty when both agree exactly. */
export function disagreements(engine: EngineVerdict, checker: EngineVerdict): string[] {
  const e = [...engine.findings.map(findingKey), ...engine.remediations.map(remediationKey)];
  const c = [...checker.findings.map(findingKey), ...checker.remediations.map(remediationKey)];
  return [...missing(e, c).map((k) => `engine only:  ${k}`), ...missing(c, e).map((k) => `checker only: ${k}`)].sort();
}
