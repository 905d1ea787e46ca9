// The --format json document: one object, described by docs/pipeline-check-report.schema.json
// (schemaVersion, tool, pack, the report, each finding's source location when known). Timings stay out.
import * as path from "path";
import type { CheckReport, Finding, Remediated, SourceLocation, UnansweredFunction } from "../types";

export const JSON_SCHEMA_VERSION = 1;

/** The report as `--format json` writes it (each finding's location relative to the source root). */
export interface JsonReport {
  schemaVersion: number;
  tool: { name: string; version: string };
  pack: { name: string; version: string };
  resources: number;
  violations: Finding[];
  waived: Finding[];
  undecided: Finding[];
  remediated: JsonRemediation[];
  unansweredFunctions: UnansweredFunction[];
}

/** A remediation in JSON: `before` is null for a property it added, `after` null for one it removed. */
export type JsonRemediation = Remediated & { location?: { file: string; line: number } };

export interface JsonContext {
  tool: { name: string; version: string };
  pack: { name: string; version: string };
  /** Where each resource was declared, by URN. */
  locations?: Map<string, SourceLocation>;
  /** Location files are relative to it (absolute when outside it). */
  root?: string;
}

/** A declaration's place as the reports show it: relative to `root` with `/` separators (absolute when outside it), line at least 1. */
export function reportLocation(where: SourceLocation, root: string | undefined): { file: string; line: number } {
  const relative = root ? path.relative(root, where.file) : where.file;
  const file = relative.startsWith("..") || path.isAbsolute(relative) ? where.file : relative.split(path.sep).join("/");
  return { file, line: Math.max(1, where.line) };
}

function locationOf(urn: string, ctx: JsonContext, own?: SourceLocation): { location?: { file: string; line: number } } {
  const where = own ?? ctx.locations?.get(urn);
  return where ? { location: reportLocation(where, ctx.root) } : {};
}

const finding =
  (ctx: JsonContext) =>
  ({ location, ...f }: Finding): Finding => ({ ...f, ...locationOf(f.urn, ctx, location) });

// JSON has no undefined: a property the remediation added has `before: null`, one it removed `after: null`.
const remediation =
  (ctx: JsonContext) =>
  (r: Remediated): JsonRemediation => ({
    policy: r.policy,
    resourceType: r.resourceType,
    resourceName: r.resourceName,
    urn: r.urn,
    ...locationOf(r.urn, ctx),
    changes: r.changes.map((c) => ({
      path: c.path,
      before: c.before === undefined ? null : c.before,
      after: c.after === undefined ? null : c.after,
    })),
  });

/** The report's JSON object, before it is written: an audit holds one per stack. */
export function jsonReport(report: CheckReport, ctx: JsonContext): JsonReport {
  const { resources, violations, waived, undecided, remediated, unansweredFunctions } = report;
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: ctx.tool.name, version: ctx.tool.version },
    pack: { name: ctx.pack.name, version: ctx.pack.version },
    resources,
    violations: violations.map(finding(ctx)),
    waived: waived.map(finding(ctx)),
    undecided: undecided.map(finding(ctx)),
    remediated: remediated.map(remediation(ctx)),
    unansweredFunctions,
  };
}

export function toJson(report: CheckReport, ctx: JsonContext): string {
  return `${JSON.stringify(jsonReport(report, ctx), null, 2)}\n`;
}
