// SARIF 2.1.0 for GitHub code scanning: one rule per policy; results located where the resource is
// declared (a config-check finding: the line of the policy-pack config file it is about; otherwise the
// program's entry, line 1; a stack export's file, without a region), relative to the
// SRCROOT base (the repository root); each finding with its own stable fingerprint; waived findings
// carry an accepted external suppression, so code scanning does not open them as alerts.
import { createHash } from "crypto";
import * as path from "path";
import { pathToFileURL } from "url";
import type { CheckReport, Finding, PackInfo, Severity, SourceLocation } from "../types";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export const SRCROOT = "SRCROOT";
/** The key of the fingerprint: a change of its meaning needs a new version suffix. */
export const FINGERPRINT = "pipelineFinding/v1";
/** The tool's informationUri: what policy packs are, on Pulumi's site. */
export const CROSSGUARD_URI = "https://www.pulumi.com/docs/iac/using-pulumi/crossguard/";
const SECURITY_SEVERITY: Record<Severity, string | undefined> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0", "": undefined };

export interface SarifContext {
  pack: PackInfo;
  /** Repository root (SRCROOT): artifact URIs are relative to it. */
  root: string;
  /** Entry file of the checked program, or the stack export (fallback location). */
  entry: string;
  locations: Map<string, SourceLocation>;
  toolVersion: string;
  informationUri: string;
  /** The target is a stack export: results are located at its file, with no line. */
  state?: boolean;
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

/**
 * What a finding is about, without the prose around it: the names and identifiers its message holds
 * (quoted strings, dotted or indexed paths, camelCase and PascalCase words, words with digits). Two findings of one
 * policy on one resource name different things (two deploy actions, two inline blocks); rewording
 * the advice keeps the key.
 */
export function findingSubject(message: string): string {
  const text = message.replace(/^\[(waived|undecided)\] /, "").replace(/ \(waived until .*\)$/s, "");
  const tokens =
    text.match(
      /"[^"]*"|`[^`]*`|[A-Za-z_$][\w$-]*(?:\.[\w$-]+|\[\d*\])+|\b[a-z]+[A-Z][\w$]*|\b[A-Z][a-z]+[A-Z][\w$]*|\b[A-Za-z]*\d[\w-]*/g,
    ) ?? [];
  return tokens.join(" ");
}

/** A waived finding's justification: the waiver's reason and its last day, as the pack reports them. */
export function waiverJustification(message: string): string {
  const waiver = / \(waived until (\S+) by (.*?): (.*)\)$/s.exec(message);
  return waiver ? `${waiver[3]} (until ${waiver[1]}, ${waiver[2]})` : message.replace(/^\[waived\] /, "");
}

function artifact(file: string, root: string): Record<string, string> {
  const relative = path.relative(root, file);
  if (relative.startsWith("..") || path.isAbsolute(relative)) {
    // Outside the repository: an absolute URI, which code scanning shows as it is.
    return { uri: pathToFileURL(file).href };
  }
  return { uri: relative.split(path.sep).join("/"), uriBaseId: SRCROOT };
}

function result(f: Finding, level: string, ctx: SarifContext, seen: Map<string, number>, waived: boolean): Record<string, unknown> {
  const known = f.location ?? ctx.locations.get(f.urn);
  const physicalLocation: Record<string, unknown> = known
    ? { artifactLocation: artifact(known.file, ctx.root), region: { startLine: Math.max(1, known.line) } }
    : ctx.state
      ? { artifactLocation: artifact(ctx.entry, ctx.root) }
      : { artifactLocation: artifact(ctx.entry, ctx.root), region: { startLine: 1 } };
  const subject = findingSubject(f.message);
  const key = `${f.policy}\u0000${f.urn}\u0000${subject}`;
  // Findings whose subjects are identical still get distinct fingerprints, by their order in the report.
  const nth = seen.get(key) ?? 0;
  seen.set(key, nth + 1);
  return {
    ruleId: f.policy,
    level,
    message: { text: `${f.resourceName} (${f.resourceType}): ${f.message}` },
    locations: [{ physicalLocation }],
    partialFingerprints: { [FINGERPRINT]: createHash("sha256").update(`${key}\u0000${nth}`).digest("hex") },
    ...(waived ? { suppressions: [{ kind: "external", status: "accepted", justification: waiverJustification(f.message) }] } : {}),
  };
}

/** The one run of a check's SARIF log: an audit's log holds one per stack. */
export function sarifRun(report: CheckReport, ctx: SarifContext): Record<string, unknown> {
  const seen = new Map<string, number>();
  const results = [
    ...report.violations.map((f) => result(f, f.enforcementLevel === "mandatory" ? "error" : "warning", ctx, seen, false)),
    ...report.waived.map((f) => result(f, "note", ctx, seen, true)),
    ...report.undecided.map((f) => result(f, "note", ctx, seen, false)),
  ];
  return {
    tool: {
      driver: {
        name: "pipeline-check",
        version: ctx.toolVersion,
        informationUri: ctx.informationUri,
        rules: ctx.pack.policies.map(rule),
      },
    },
    originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(ctx.root).href.replace(/\/?$/, "/") } },
    results,
  };
}

/** A SARIF log of the given runs. */
export function sarifLog(runs: Record<string, unknown>[]): string {
  return `${JSON.stringify({ $schema: SARIF_SCHEMA, version: "2.1.0", runs }, null, 2)}\n`;
}

export function toSarif(report: CheckReport, ctx: SarifContext): string {
  return sarifLog([sarifRun(report, ctx)]);
}
