// Turns the engine's event log (`pulumi preview|up --event-log FILE`: one engine event per line) into
// the checker's finding shape, so both can be compared exactly.
import { kindOf, messageBody, type Kind } from "../../checker/analyze/interpret";
import type { EnforcementLevel } from "../../checker/types";
import { parseUrn } from "../../checker/urn";

/** One policy finding as both sides report it. */
export interface ComparableFinding {
  kind: Exclude<Kind, "ignored">;
  policy: string;
  enforcementLevel: EnforcementLevel;
  resourceName: string;
  urn: string;
  message: string;
}

/** One remediation: which policy changed which resource. */
export interface ComparableRemediation {
  policy: string;
  urn: string;
}

/** What one engine run reported. */
export interface EngineVerdict {
  findings: ComparableFinding[];
  remediations: ComparableRemediation[];
}

interface PolicyEvent {
  resourceUrn?: string;
  message: string;
  policyName: string;
  enforcementLevel: string;
  severity?: string;
}

interface EngineEvent {
  policyEvent?: PolicyEvent;
  policyRemediationEvent?: { resourceUrn?: string; policyName: string };
  diagnosticEvent?: { message: string; severity: string };
}

// The engine colours its messages with `<{%...%}>` directives; the event log keeps them.
const COLOR = /<\{%[^%]*%\}>/g;

/** Policy descriptions by name: the engine's message is "<description>\n<message>" like the checker's raw one. */
export type Descriptions = ReadonlyMap<string, string>;

export function verdictFromEventLog(text: string, descriptions: Descriptions, rootStackUrn: string): EngineVerdict {
  const verdict: EngineVerdict = { findings: [], remediations: [] };
  for (const line of text.split("\n")) {
    if (!line.trim()) {
      continue;
    }
    const event = JSON.parse(line) as EngineEvent;
    const p = event.policyEvent;
    if (p) {
      const urn = p.resourceUrn || rootStackUrn;
      const raw = {
        policy: p.policyName,
        description: descriptions.get(p.policyName) ?? "",
        message: p.message.replace(COLOR, "").trimEnd(),
        enforcementLevel: p.enforcementLevel as EnforcementLevel,
        severity: "" as const,
        urn,
      };
      const kind = kindOf(raw);
      if (kind !== "ignored") {
        verdict.findings.push({
          kind,
          policy: p.policyName,
          enforcementLevel: raw.enforcementLevel === "remediate" ? "mandatory" : raw.enforcementLevel,
          resourceName: parseUrn(urn)?.name ?? "",
          urn,
          message: messageBody(raw),
        });
      }
    }
    const r = event.policyRemediationEvent;
    if (r) {
      verdict.remediations.push({ policy: r.policyName, urn: r.resourceUrn ?? "" });
    }
  }
  return verdict;
}

// The engine closes a failed run with this error; a mandatory policy violation alone brings it too.
const RUN_FAILED = /^(preview|update) failed$/;

/**
 * The errors the program (or a registration the engine refused) reported, without the engine's closing
 * "preview failed": empty when the program ran to its end, whatever the policies said.
 */
export function programErrorsFromEventLog(text: string): string[] {
  const errors: string[] = [];
  for (const line of text.split("\n")) {
    const d = line.trim() ? (JSON.parse(line) as EngineEvent).diagnosticEvent : undefined;
    const message = d?.message.replace(COLOR, "").trim();
    if (d?.severity === "error" && message && !RUN_FAILED.test(message)) {
      errors.push(message);
    }
  }
  return errors;
}

/** `--json` output is one event per line or one array of events; both become lines. */
export function eventLines(stdout: string): string {
  const trimmed = stdout.trim();
  if (trimmed.startsWith("[")) {
    return (JSON.parse(trimmed) as unknown[]).map((e) => JSON.stringify(e)).join("\n");
  }
  return stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .join("\n");
}
