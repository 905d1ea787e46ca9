// Human output: findings grouped by resource, each with where the resource is declared when known, then
// the help URL of every policy that reported, then one summary line. Colour only on a TTY without NO_COLOR.
import type { CheckReport, Finding, PackInfo, Remediated, SourceLocation } from "../types";
import { reportLocation } from "./json";

/** How to render: colour, and what the report alone does not hold (declarations, the pack's policy URLs). */
export interface TextContext {
  colour: boolean;
  /** Where each resource was declared, by URN. */
  locations?: Map<string, SourceLocation>;
  /** Location files are relative to it, as in the JSON report. */
  root?: string;
  /** The pack's policies: their URLs make the help section. */
  pack?: PackInfo;
}

const CODES = { red: 31, yellow: 33, cyan: 36, grey: 90, bold: 1 } as const;

export function useColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && env.NO_COLOR === undefined;
}

function paint(style: TextContext, code: keyof typeof CODES, text: string): string {
  return style.colour ? `\u001b[${CODES[code]}m${text}\u001b[0m` : text;
}

export function summaryLine(report: CheckReport): string {
  const mandatory = report.violations.filter((v) => v.enforcementLevel === "mandatory").length;
  const advisory = report.violations.length - mandatory;
  return `${report.resources} resources, ${mandatory} mandatory, ${advisory} advisory, ${report.waived.length} waived, ${report.undecided.length} undecided, ${report.remediated.length} remediated`;
}

type Line = { urn: string; heading: string; text: string };

/** `policy (file:line)` when the resource's declaration is known, else the policy alone. */
function located(style: TextContext, policy: string, urn: string): string {
  const where = style.locations?.get(urn);
  if (!where) {
    return policy;
  }
  const { file, line } = reportLocation(where, style.root);
  return `${policy} (${file}:${line})`;
}

function findingLines(style: TextContext, findings: Finding[], label: (f: Finding) => string): Line[] {
  return findings.map((f) => ({
    urn: f.urn,
    heading: `${f.resourceName} (${f.resourceType})`,
    // The label already says waived or undecided; the pack's marker would say it twice.
    text: `${label(f)} ${located(style, f.policy, f.urn)}: ${f.message
      .replace(/^\[(waived|undecided)\] /, "")
      .split("\n")
      .join(" ")}`,
  }));
}

function remediationLines(style: TextContext, items: Remediated[]): Line[] {
  return items.map((r) => ({
    urn: r.urn,
    heading: `${r.resourceName} (${r.resourceType})`,
    text: `${paint(style, "cyan", "remediated")} ${located(style, r.policy, r.urn)}: ${r.changes.map((c) => `${c.path} ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`).join(", ")}`,
  }));
}

/** Each policy that reported (remediations included) once, with its URL; none when no such policy has one. */
function helpLines(report: CheckReport, style: TextContext): string[] {
  const reported = new Set([...report.violations, ...report.waived, ...report.undecided, ...report.remediated].map((f) => f.policy));
  const urls = (style.pack?.policies ?? [])
    .filter((p) => reported.has(p.name) && p.url !== "")
    .sort((a, b) => a.name.localeCompare(b.name));
  return urls.length === 0 ? [] : [paint(style, "bold", "Help"), ...urls.map((p) => `  ${p.name}: ${p.url}`), ""];
}

/** The text report: findings by resource, the help section, then the summary line. */
export function toText(report: CheckReport, style: TextContext): string {
  const lines: Line[] = [
    ...findingLines(style, report.violations, (f) =>
      f.enforcementLevel === "mandatory" ? paint(style, "red", "mandatory") : paint(style, "yellow", "advisory"),
    ),
    ...findingLines(style, report.waived, () => paint(style, "grey", "waived")),
    ...findingLines(style, report.undecided, () => paint(style, "grey", "undecided")),
    ...remediationLines(style, report.remediated),
  ];
  const groups = new Map<string, { heading: string; texts: string[] }>();
  for (const line of lines) {
    const group = groups.get(line.urn) ?? { heading: line.heading, texts: [] };
    group.texts.push(line.text);
    groups.set(line.urn, group);
  }
  const out: string[] = [];
  for (const urn of [...groups.keys()].sort()) {
    const group = groups.get(urn);
    if (group) {
      out.push(paint(style, "bold", group.heading), ...group.texts.map((t) => `  ${t}`), "");
    }
  }
  out.push(...helpLines(report, style), summaryLine(report));
  return `${out.join("\n")}\n`;
}
