// SARIF 2.1.0 for GitHub code scanning: one rule per policy, results located where the resource is
// declared (or the program's entry, line 1), fingerprints stable per policy and URN.
import { createHash } from "crypto";
import * as path from "path";
import type { CheckReport, Finding, PackInfo, Severity, SourceLocation } from "../types";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const SECURITY_SEVERITY: Record<Severity, string | undefined> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0", "": undefined };

export interface SarifContext {
  pack: PackInfo;
  /** Repository root: artifact URIs are relative to it. */
  root: string;
  /** Entry file of the checked program (fallback location). */
  entry: string;
  locations: Map<string, SourceLocation>;
  toolVersion: string;
  informationUri: string;
}

function rule(p: PackInfo["policies"][number]): Record<string, unknown> {
  const properties: Record<string, unknown> = { tags: p.tags };
  const security = SECURITY_SEVERITY[p.severity];
  if (security) {
    properties["security-severity"] = security;
  }
  return {
    id: p.name,
    name: p.name,
    shortDescription: { text: p.description },
    fullDescription: { text: p.description },
    help: { text: p.remediationSteps || p.description },
    ...(p.url ? { helpUri: p.url } : {}),
    properties,
  };
}

function result(f: Finding, level: string, ctx: SarifContext): Record<string, unknown> {
  const where = ctx.locations.get(f.urn) ?? { file: ctx.entry, line: 1 };
  const uri = path.relative(ctx.root, where.file).split(path.sep).join("/");
  return {
    ruleId: f.policy,
    level,
    message: { text: `${f.resourceName} (${f.resourceType}): ${f.message}` },
    locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: Math.max(1, where.line) } } }],
    partialFingerprints: { "policyUrn/v1": createHash("sha256").update(`${f.policy}\u0000${f.urn}`).digest("hex") },
  };
}

export function toSarif(report: CheckReport, ctx: SarifContext): string {
  const results = [
    ...report.violations.map((f) => result(f, f.enforcementLevel === "mandatory" ? "error" : "warning", ctx)),
    ...report.waived.map((f) => result(f, "note", ctx)),
    ...report.undecided.map((f) => result(f, "note", ctx)),
  ];
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "pipeline-check", version: ctx.toolVersion, informationUri: ctx.informationUri, rules: ctx.pack.policies.map(rule) } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
