// The audit report: one JSON report per stack export, the exports that could not be read, and what is
// computed across them (totals, the policy x stacks matrix). An audit run and a merge of shards build
// it with the same function from the same per-stack entries, so a merge equals an unsharded run.
import * as path from "path";
import type { CheckReport, EnforcementLevel, Finding, FindingCounts, PackInfo, PolicyRule, SourceLocation } from "../types";
import { JSON_SCHEMA_VERSION, type JsonReport } from "../report/json";
import { sarifLog, sarifRun, CROSSGUARD_URI } from "../report/sarif";
import { alignTable } from "../report/table";
import { levelImpact, type LevelChange } from "./impact";

export interface NameVersion {
  name: string;
  version: string;
}

/** A stack of the audit: its export (relative to the source root), project and stack, and its report. */
export interface AuditStack {
  source: string;
  project: string;
  stack: string;
  /** What `--format json` writes for a single `--state` check of the export. */
  report: JsonReport;
}

/** An export that was not judged, and why (missing, not JSON, not an export, no resources, a stack seen before). */
export interface Unreadable {
  source: string;
  reason: string;
}

/** Findings counted over every stack read; `failing` stacks have a mandatory violation. */
export interface AuditTotals extends FindingCounts {
  exports: number;
  stacks: number;
  unreadable: number;
  failing: number;
}

/** The stacks (`project/stack`) in which a policy reported, by how it reported. */
export interface MatrixRow {
  mandatory: string[];
  advisory: string[];
  waived: string[];
  undecided: string[];
}

/** A policy of the audit's pack: its rule, and the level the pack declares before any policy config. */
export interface AuditPolicy extends PolicyRule {
  /** Absent in reports of earlier versions, where the impact of the config on levels cannot be told. */
  enforcementLevel?: EnforcementLevel;
}

/** What an audit ran with: a merge refuses shards whose heads differ. */
export interface AuditHead {
  tool: NameVersion;
  pack: NameVersion;
  /** The effective policy config Configure sent (the pack's defaults with the user's file applied). */
  policyConfig: Record<string, unknown>;
  /** The pack's policies, which SARIF's rules, the text's help and the impact of a level change need. */
  policies: AuditPolicy[];
}

export interface AuditReport extends AuditHead {
  kind: "audit";
  schemaVersion: number;
  stacks: AuditStack[];
  unreadable: Unreadable[];
  totals: AuditTotals;
  /** By policy name, sorted; only policies that reported in some stack. */
  matrix: Record<string, MatrixRow>;
}

/** `project/stack`, how the tables and the matrix name a stack. */
export function stackId(stack: Pick<AuditStack, "project" | "stack">): string {
  return `${stack.project}/${stack.stack}`;
}

const mandatoryOf = (report: JsonReport): number => report.violations.filter((v) => v.enforcementLevel === "mandatory").length;

function totalsOf(stacks: AuditStack[], unreadable: Unreadable[]): AuditTotals {
  const sum = (count: (r: JsonReport) => number): number => stacks.reduce((n, s) => n + count(s.report), 0);
  const mandatory = sum(mandatoryOf);
  return {
    exports: stacks.length + unreadable.length,
    stacks: stacks.length,
    unreadable: unreadable.length,
    failing: stacks.filter((s) => mandatoryOf(s.report) > 0).length,
    resources: sum((r) => r.resources),
    mandatory,
    advisory: sum((r) => r.violations.length) - mandatory,
    waived: sum((r) => r.waived.length),
    undecided: sum((r) => r.undecided.length),
    remediated: sum((r) => r.remediated.length),
  };
}

function matrixOf(stacks: AuditStack[]): Record<string, MatrixRow> {
  const rows = new Map<string, MatrixRow>();
  const add = (findings: Finding[], id: string, level: (f: Finding) => keyof MatrixRow): void => {
    for (const f of findings) {
      const row = rows.get(f.policy) ?? { mandatory: [], advisory: [], waived: [], undecided: [] };
      const list = row[level(f)];
      if (!list.includes(id)) {
        list.push(id);
      }
      rows.set(f.policy, row);
    }
  };
  for (const s of stacks) {
    const id = stackId(s);
    add(s.report.violations, id, (f) => (f.enforcementLevel === "mandatory" ? "mandatory" : "advisory"));
    add(s.report.waived, id, () => "waived");
    add(s.report.undecided, id, () => "undecided");
  }
  return Object.fromEntries([...rows].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The audit report of these stacks and unreadable exports, in the order given. */
export function auditReport(head: AuditHead, stacks: AuditStack[], unreadable: Unreadable[]): AuditReport {
  return {
    kind: "audit",
    schemaVersion: JSON_SCHEMA_VERSION,
    ...head,
    stacks,
    unreadable,
    totals: totalsOf(stacks, unreadable),
    matrix: matrixOf(stacks),
  };
}

/** The exit code of an audit: 2 when no export could be read, else 1 when a stack has a mandatory violation. */
export function auditExitCode(report: AuditReport): number {
  return report.totals.stacks === 0 ? 2 : report.totals.failing > 0 ? 1 : 0;
}

/** How many stack names a matrix row shows in text before it says how many more (JSON lists them all). */
const NAMES_SHOWN = 5;

function names(ids: string[]): string {
  const more = ids.length - NAMES_SHOWN;
  return more > 0 ? `${ids.slice(0, NAMES_SHOWN).join(", ")} and ${more} more` : ids.join(", ");
}

/**
 * What the policy config changed, when it changed a level: each such policy that stops a stack or could not
 * be seen, one line for the rest (an all-mandatory config raises most of a pack), then the stacks that
 * would start failing.
 */
function impactText(report: AuditReport): string {
  const { changes, startFailing } = levelImpact(report);
  if (changes.length === 0) {
    return "";
  }
  const level = (c: LevelChange): string => `${c.pack} -> ${c.audited} (${c.raised ? "raised" : "lowered"})`;
  const told = changes.filter((c) => c.unseen || c.stops.length > 0);
  const lines = told.map((c) => {
    const stops = c.unseen
      ? "reported nothing at that level: the stacks it fails at the pack's level are unknown"
      : `stops ${names(c.stops)}`;
    return `  ${c.policy}: ${level(c)}, ${stops}\n`;
  });
  // Grouped by change: an all-mandatory config raises most of a pack the same way.
  const quiet = new Map<string, string[]>();
  for (const c of changes.filter((change) => !told.includes(change))) {
    quiet.set(level(c), [...(quiet.get(level(c)) ?? []), c.policy]);
  }
  for (const [change, policies] of quiet) {
    lines.push(`  ${change}, stopping no stack (${policies.length}): ${policies.join(", ")}\n`);
  }
  const start = `${startFailing.length} stack(s) would start failing${startFailing.length === 0 ? "" : `: ${names(startFailing)}`}`;
  return `\nLevels the policy config changed from the pack's\n${lines.join("")}${start}\n`;
}

/**
 * The text report: a row per stack, the unreadable exports, a row per policy that reported, the levels
 * the policy config changed when it changed any, then the totals line.
 */
export function auditText(report: AuditReport): string {
  const rows = report.stacks.map((s) => {
    const r = s.report;
    const mandatory = mandatoryOf(r);
    const counts = [r.resources, mandatory, r.violations.length - mandatory, r.waived.length, r.undecided.length];
    return [stackId(s), ...counts.map(String), s.source];
  });
  const stacks = alignTable(
    ["stack", "resources", "mandatory", "advisory", "waived", "undecided", "export"],
    rows,
    (i) => i === 0 || i === 6,
  );
  const unreadable =
    report.unreadable.length === 0 ? "" : `\nUnreadable exports\n${report.unreadable.map((u) => `  ${u.source}: ${u.reason}\n`).join("")}`;
  const policies = Object.entries(report.matrix).map(([policy, row]) => [
    policy,
    ...[row.mandatory, row.advisory, row.waived, row.undecided].map((ids) => String(ids.length)),
    names(row.mandatory),
  ]);
  const matrix =
    policies.length === 0
      ? ""
      : `\n${alignTable(["policy", "mandatory", "advisory", "waived", "undecided", "failing stacks"], policies, (i) => i === 0 || i === 5)}`;
  const t = report.totals;
  const summary =
    `${t.exports} exports, ${t.stacks} stacks read, ${t.unreadable} unreadable, ${t.failing} failing; ` +
    `${t.resources} resources, ${t.mandatory} mandatory, ${t.advisory} advisory, ${t.waived} waived, ${t.undecided} undecided, ${t.remediated} remediated`;
  return `${stacks}${unreadable}${matrix}${impactText(report)}\n${summary}\n`;
}

/** A stack's report as the SARIF renderer takes it: JSON's relative locations made absolute again. */
function checkReport(report: JsonReport, root: string): CheckReport {
  const absolute = <T extends { location?: SourceLocation }>(f: T): T =>
    f.location ? { ...f, location: { ...f.location, file: path.resolve(root, f.location.file) } } : f;
  return {
    resources: report.resources,
    violations: report.violations.map(absolute),
    waived: report.waived.map(absolute),
    undecided: report.undecided.map(absolute),
    remediated: report.remediated,
    unansweredFunctions: report.unansweredFunctions,
  };
}

/** SARIF with one run per stack, each the run a single `--state` check of its export gives, with its own category. */
export function auditSarif(report: AuditReport, root: string): string {
  const pack: PackInfo = { ...report.pack, policies: report.policies };
  return sarifLog(
    report.stacks.map((s) => ({
      ...sarifRun(checkReport(s.report, root), {
        pack,
        root,
        entry: path.resolve(root, s.source),
        state: true,
        locations: new Map(),
        toolVersion: report.tool.version,
        informationUri: CROSSGUARD_URI,
      }),
      // Code scanning keeps the results of runs apart by category; one per stack.
      automationDetails: { id: `pipeline-check/${stackId(s)}/` },
    })),
  );
}

/** The audit as JSON: the report object itself, described by docs/pipeline-check-audit.schema.json. */
export function auditJson(report: AuditReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
