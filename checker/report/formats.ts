// The report formats of --format: a new format is one entry here; the flag's check, its error message,
// the usage text and the CLI's rendering all read this table.
import { auditHtml } from "../audit/html";
import { auditJson, auditSarif, auditText, type AuditReport } from "../audit/report";
import type { CheckReport, PackInfo, SourceLocation } from "../types";
import { toHtml } from "./html/stack";
import { toJson } from "./json";
import { CROSSGUARD_URI, toSarif } from "./sarif";
import { toText } from "./text";

/** What a format may need beside the report; the CLI builds it once whatever the format. */
export interface RenderContext {
  pack: PackInfo;
  /** Where each resource was declared, by URN. */
  locations: Map<string, SourceLocation>;
  /** Entry file of the program, or the stack export: the fallback location of findings. */
  entry: string;
  /** The target is a stack export (`--state`), not a program. */
  state: boolean;
  /** Report paths are relative to it (SARIF's SRCROOT). */
  root: string;
  /** The output is a terminal that takes colour. */
  colour: boolean;
  /** The kit's version. */
  toolVersion: string;
}

/** One --format: a line of the usage text and how it renders a report, and an audit of several stacks. */
export interface ReportFormat {
  description: string;
  render(report: CheckReport, ctx: RenderContext): string;
  /** The audit's report; `root` is where the export paths are relative to (SARIF's SRCROOT). */
  renderAudit(report: AuditReport, root: string): string;
}

/** The tool's name in every report. */
export const TOOL = "pipeline-check";

/** Every format, by the name --format takes. */
export const FORMATS = {
  text: {
    description: "findings grouped by resource, where each is declared, the policies' help URLs and a summary line",
    render: (report, ctx) => toText(report, { colour: ctx.colour, locations: ctx.locations, root: ctx.root, pack: ctx.pack }),
    renderAudit: (report) => auditText(report),
  },
  json: {
    description: "one object, described by docs/pipeline-check-report.schema.json",
    render: (report, ctx) =>
      toJson(report, {
        tool: { name: TOOL, version: ctx.toolVersion },
        pack: { name: ctx.pack.name, version: ctx.pack.version },
        locations: ctx.locations,
        root: ctx.root,
      }),
    renderAudit: (report) => auditJson(report),
  },
  sarif: {
    description: "SARIF 2.1.0 for code scanning, each finding located where its resource is declared",
    render: (report, ctx) =>
      toSarif(report, {
        pack: ctx.pack,
        root: ctx.root,
        entry: ctx.entry,
        state: ctx.state,
        locations: ctx.locations,
        toolVersion: ctx.toolVersion,
        informationUri: CROSSGUARD_URI,
      }),
    renderAudit: (report, root) => auditSarif(report, root),
  },
  html: {
    description: "one self-contained page (no network, no script needed): summary, charts, findings by resource or by policy",
    render: (report, ctx) =>
      toHtml(report, { pack: ctx.pack, locations: ctx.locations, entry: ctx.entry, root: ctx.root, toolVersion: ctx.toolVersion }),
    renderAudit: (report) => auditHtml(report),
  },
} satisfies Record<string, ReportFormat>;

/** A name --format takes. */
export type FormatName = keyof typeof FORMATS;

/** The names, in the order the usage lists them. */
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

/** Whether --format takes `name` (an own entry of FORMATS, not a name every object inherits). */
export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as string[]).includes(name);
}

/** The names as a sentence: `text, json, sarif or html`. */
export function formatList(): string {
  return `${FORMAT_NAMES.slice(0, -1).join(", ")} or ${FORMAT_NAMES[FORMAT_NAMES.length - 1]}`;
}
