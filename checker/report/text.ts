// Human output: findings grouped by resource, then one summary line. Colour only on a TTY without NO_COLOR.
import type { CheckReport, Finding, Remediated } from "../types";

export interface TextStyle {
  colour: boolean;
}

const CODES = { red: 31, yellow: 33, cyan: 36, grey: 90, bold: 1 } as const;

export function useColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && env.NO_COLOR === undefined;
}

function paint(style: TextStyle, code: keyof typeof CODES, text: string): string {
  return style.colour ? `\u001b[${CODES[code]}m${text}\u001b[0m` : text;
}

export function summaryLine(report: CheckReport): string {
  const mandatory = report.violations.filter((v) => v.enforcementLevel === "mandatory").length;
  const advisory = report.violations.length - mandatory;
  return `${report.resources} resources, ${mandatory} mandatory, ${advisory} advisory, ${report.waived.length} waived, ${report.undecided.length} undecided, ${report.remediated.length} remediated`;
}

type Line = { urn: string; heading: string; text: string };

function findingLines(findings: Finding[], label: (f: Finding) => string): Line[] {
  return findings.map((f) => ({
    urn: f.urn,
    heading: `${f.resourceName} (${f.resourceType})`,
    // The label already says waived or undecided; the pack's marker would say it twice.
    text: `${label(f)} ${f.policy}: ${f.message.replace(/^\[(waived|undecided)\] /, "").split("\n").join(" ")}`,
  }));
}

function remediationLines(style: TextStyle, items: Remediated[]): Line[] {
  return items.map((r) => ({
    urn: r.urn,
    heading: `${r.resourceName} (${r.resourceType})`,
    text: `${paint(style, "cyan", "remediated")} ${r.policy}: ${r.changes.map((c) => `${c.path} ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`).join(", ")}`,
  }));
}

export function toText(report: CheckReport, style: TextStyle): string {
  const lines: Line[] = [
    ...findingLines(report.violations, (f) => (f.enforcementLevel === "mandatory" ? paint(style, "red", "mandatory") : paint(style, "yellow", "advisory"))),
    ...findingLines(report.waived, () => paint(style, "grey", "waived")),
    ...findingLines(report.undecided, () => paint(style, "grey", "undecided")),
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
  out.push(summaryLine(report));
  return `${out.join("\n")}\n`;
}
