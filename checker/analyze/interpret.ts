// Sorts the pack's diagnostics the way the engine and docs/architecture.md do: mandatory fails the run,
// advisory is reported, "[waived] " advisories are waived, "[undecided] " advisories and the SDK's own
// "can't run ... during preview" diagnostics are undecided, disabled is never reported.
import type { CheckReport, EnforcementLevel, Finding, Remediated, Severity, UnansweredFunction } from "../types";
import { parseUrn } from "../urn";

export interface RawDiagnostic {
  policy: string;
  description: string;
  message: string;
  enforcementLevel: EnforcementLevel;
  severity: Severity;
  urn: string;
}

const CANT_RUN = /^can't run (policy|remediation) '.*' from policy pack '.*' during preview/;

/** A string passed to reportViolation arrives as "<description>\n<message>"; the message is what matters. */
export function messageBody(d: Pick<RawDiagnostic, "description" | "message">): string {
  const prefix = `${d.description}\n`;
  return d.description && d.message.startsWith(prefix) ? d.message.slice(prefix.length) : d.message;
}

export type Kind = "violation" | "waived" | "undecided" | "ignored";

export function kindOf(d: RawDiagnostic): Kind {
  if (d.enforcementLevel === "disabled") {
    return "ignored";
  }
  // The level decides before the message: the kit's pack and the SDK report waived and undecided
  // findings only at advisory, so a mandatory (or remediate) diagnostic whose message merely starts
  // with a marker, such as another pack's, still fails the run instead of hiding as undecided or waived.
  if (d.enforcementLevel !== "advisory") {
    return "violation";
  }
  const body = messageBody(d);
  if (body.startsWith("[undecided] ") || CANT_RUN.test(body)) {
    return "undecided";
  }
  return body.startsWith("[waived] ") ? "waived" : "violation";
}

function toFinding(d: RawDiagnostic): Finding {
  const parsed = parseUrn(d.urn);
  return {
    policy: d.policy,
    // Remediate-level diagnostics mean the remediation did not fix it: the engine reports mandatory.
    enforcementLevel: d.enforcementLevel === "remediate" ? "mandatory" : d.enforcementLevel,
    severity: d.severity,
    resourceType: parsed?.type ?? "",
    resourceName: parsed?.name ?? "",
    urn: d.urn,
    message: messageBody(d),
  };
}

function byResourceThenPolicy(a: { urn: string; policy: string }, b: { urn: string; policy: string }): number {
  return a.urn.localeCompare(b.urn) || a.policy.localeCompare(b.policy);
}

export function buildReport(
  resources: number,
  diagnostics: RawDiagnostic[],
  remediated: Remediated[],
  unansweredFunctions: UnansweredFunction[] = [],
): CheckReport {
  const report: CheckReport = { resources, violations: [], waived: [], undecided: [], remediated: [...remediated], unansweredFunctions };
  for (const d of diagnostics) {
    const kind = kindOf(d);
    if (kind === "violation") {
      report.violations.push(toFinding(d));
    } else if (kind === "waived") {
      report.waived.push(toFinding(d));
    } else if (kind === "undecided") {
      report.undecided.push(toFinding(d));
    }
  }
  report.violations.sort(byResourceThenPolicy);
  report.waived.sort(byResourceThenPolicy);
  report.undecided.sort(byResourceThenPolicy);
  report.remediated.sort(byResourceThenPolicy);
  return report;
}

/** Adds violations found outside the first look (second look, config check) to a report, in its order (resource, then policy). */
export function withViolations(report: CheckReport, findings: readonly Finding[]): CheckReport {
  if (findings.length === 0) {
    return report;
  }
  return { ...report, violations: [...report.violations, ...findings].sort(byResourceThenPolicy) };
}

export function mandatoryCount(report: CheckReport): number {
  return report.violations.filter((v) => v.enforcementLevel === "mandatory").length;
}
