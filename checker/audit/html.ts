// `--format html` of an audit: the totals and verdict, findings charted, a row per stack, the unreadable
// exports, the stacks x policies heat map (cell: findings, colour and letter: the worst level) with the
// totals, and the impact of the audited levels: which stacks each mandatory policy would stop, which levels
// the policy config changed from the pack's own, and which stacks would start failing.
import type { Finding } from "../types";
import { html, type Html } from "../report/html/markup";
import { numericHeader, page, table } from "../report/html/page";
import { charts, countList, verdict } from "../report/html/summary";
import { auditedLevel, levelImpact, type LevelChange, type LevelImpact } from "./impact";
import { auditExitCode, stackId, type AuditReport, type AuditStack } from "./report";

// Worst first: a cell shows the first of these its findings reach.
const LEVELS = ["mandatory", "advisory", "undecided", "waived"] as const;
type Level = (typeof LEVELS)[number];

interface Cell {
  n: number;
  worst: Level;
}

const findingsOf = (s: AuditStack): [Level, Finding[]][] => [
  ["mandatory", s.report.violations.filter((f) => f.enforcementLevel === "mandatory")],
  ["advisory", s.report.violations.filter((f) => f.enforcementLevel !== "mandatory")],
  ["waived", s.report.waived],
  ["undecided", s.report.undecided],
];

/** A stack's findings by policy: how many, and the worst level among them. */
function cellsOf(s: AuditStack): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const [level, findings] of findingsOf(s)) {
    for (const f of findings) {
      const cell = cells.get(f.policy);
      const worst = cell && LEVELS.indexOf(cell.worst) < LEVELS.indexOf(level) ? cell.worst : level;
      cells.set(f.policy, { n: (cell?.n ?? 0) + 1, worst });
    }
  }
  return cells;
}

const LEGEND = html`<p>
  Each cell counts the policy's findings in the stack; its colour and letter give the worst level:
  <abbr title="mandatory">M</abbr> mandatory, <abbr title="advisory">A</abbr> advisory, <abbr title="undecided">U</abbr> undecided,
  <abbr title="waived">W</abbr> waived. Rows are in export order, columns by policy name; with scripts on, the headers sort (the stack
  header by name, a policy header by its count, most first).
</p>`;

function heatCell(cell: Cell | undefined): Html {
  if (!cell) {
    return html`<td data-n="0"></td>`;
  }
  return html`<td data-n="${cell.n}" class="cell-${cell.worst}">
    ${cell.n} <abbr title="${cell.worst}">${cell.worst[0].toUpperCase()}</abbr>
  </td>`;
}

/** Rows: stacks; columns: every policy that reported somewhere; a totals row and column. */
function heatMap(report: AuditReport): Html {
  const policies = Object.keys(report.matrix);
  if (policies.length === 0) {
    return html`<h2>Stacks x policies</h2>
      <p>No policy reported in any stack.</p>`;
  }
  const perStack = report.stacks.map((s) => ({ id: stackId(s), cells: cellsOf(s) }));
  const sum = (cells: (Cell | undefined)[]): number => cells.reduce((n, c) => n + (c?.n ?? 0), 0);
  const rows = perStack.map(
    ({ id, cells }) =>
      html`<tr>
        <th scope="row">${id}</th>
        ${policies.map((p) => heatCell(cells.get(p)))}
        <td class="num">${sum([...cells.values()])}</td>
      </tr>`,
  );
  const totals = policies.map((p) => html`<td class="num">${sum(perStack.map((s) => s.cells.get(p)))}</td>`);
  const all = sum(perStack.flatMap((s) => [...s.cells.values()]));
  return html`<h2 id="heat-map">Stacks x policies</h2>
    ${LEGEND}
    ${table({
      caption: "Findings per stack and policy",
      className: "heat sortable",
      head: [
        html`<th scope="col" data-col="0">stack</th>`,
        ...policies.map((p, i) => html`<th scope="col" class="policy" data-col="${i + 1}">${p}</th>`),
        numericHeader("total"),
      ],
      rows,
      foot: html`<tr>
        <th scope="row">total</th>
        ${totals}
        <td class="num">${all}</td>
      </tr>`,
    })}`;
}

function stackTable(report: AuditReport): Html {
  const rows = report.stacks.map((s) => {
    const [mandatory, advisory, waived, undecided] = findingsOf(s).map(([, f]) => f.length);
    const counts = [s.report.resources, mandatory, advisory, waived, undecided, s.report.remediated.length];
    return html`<tr>
      <th scope="row">${stackId(s)}</th>
      ${counts.map((n) => html`<td class="num">${n}</td>`)}
      <td><code>${s.source}</code></td>
    </tr>`;
  });
  const t = report.totals;
  const totals = [t.resources, t.mandatory, t.advisory, t.waived, t.undecided, t.remediated].map((n) => html`<td class="num">${n}</td>`);
  const counted = ["resources", "mandatory", "advisory", "waived", "undecided", "remediated"].map(numericHeader);
  return html`<h2 id="stacks">Stacks</h2>
    ${table({
      caption: "One row per stack read, in export order",
      className: "stacks",
      head: ["stack", ...counted, "export"],
      rows,
      foot: html`<tr>
        <th scope="row">total</th>
        ${totals}
        <td></td>
      </tr>`,
    })}`;
}

function unreadableList(report: AuditReport): Html {
  if (report.unreadable.length === 0) {
    return html``;
  }
  const items = report.unreadable.map((u) => html`<li><code>${u.source}</code>: ${u.reason}</li>`);
  return html`<h2 id="unreadable">Unreadable exports</h2>
    <ul>
      ${items}
    </ul>`;
}

/** The level cell: the audited level, and in words whether the config raised or lowered it from the pack's. */
function levelCell(level: string, change: LevelChange | undefined): Html {
  if (!change) {
    return html`<td>${level}</td>`;
  }
  return html`<td>${level} <strong>${change.raised ? "raised" : "lowered"}</strong></td>`;
}

/** What follows the table: the stacks that would start failing, or why none can be named. */
function startFailing(impact: LevelImpact): Html {
  if (!impact.known) {
    return html`<p>
      This report does not carry the pack's own levels (an earlier pipeline-check wrote it), so what the policy config raised cannot be
      told.
    </p>`;
  }
  if (impact.changes.length === 0) {
    return html`<p>
      The policy config changed no level: these are the pack's own. Audit with raised levels (for example
      <code>{"all": "mandatory"}</code>) to see which stacks would start failing.
    </p>`;
  }
  const unseen = impact.changes.some((c) => c.unseen)
    ? html` A policy whose stacks are unknown reported nothing at its audited level, so a stack named here may fail at the pack's levels
      already.`
    : html``;
  return html`<p>
    <strong>${impact.startFailing.length} stack(s) would start failing</strong> at these levels, passing at the pack's
    own${impact.startFailing.length === 0 ? "" : `: ${impact.startFailing.join(", ")}`}.${unseen}
  </p>`;
}

/**
 * Each policy that fails a stack or whose level the config changed: the pack's level, the audited one
 * (marked raised or lowered) and the stacks it would stop; then the stacks that would start failing.
 */
function impact(report: AuditReport): Html {
  const levels = levelImpact(report);
  const changes = new Map(levels.changes.map((c) => [c.policy, c]));
  const failing = Object.keys(report.matrix).filter((p) => report.matrix[p].mandatory.length > 0);
  const stopped = (policy: string): number => report.matrix[policy]?.mandatory.length ?? 0;
  // The policies that stop stacks first (most first): an all-mandatory config changes most of a pack.
  const policies = [...new Set([...failing, ...changes.keys()])].sort((a, b) => stopped(b) - stopped(a) || a.localeCompare(b));
  if (policies.length === 0) {
    return html`<h2 id="impact">Impact</h2>
      <p>With the levels audited, no policy stops any stack.</p>`;
  }
  const packLevel = new Map(report.policies.map((p) => [p.name, p.enforcementLevel ?? "unknown"]));
  const rows = policies.map((policy) => {
    const change = changes.get(policy);
    const stops = report.matrix[policy]?.mandatory ?? [];
    return html`<tr>
      <th scope="row">${policy}</th>
      <td>${packLevel.get(policy) ?? "unknown"}</td>
      ${levelCell(auditedLevel(report, policy), change)}
      <td class="num">${stops.length}</td>
      <td>${change?.unseen ? "unknown: it reported nothing at this level" : stops.join(", ")}</td>
    </tr>`;
  });
  return html`<h2 id="impact">Impact</h2>
    <p>
      Enforced at the levels this audit ran with (the pack's, with the policy config applied), each policy below would stop these stacks
      (the policies that stop most come first); a level the config changed from the pack's own is marked raised or lowered.
    </p>
    ${table({ head: ["policy", "pack level", "audited level", numericHeader("stacks stopped"), "stacks"], rows })}${startFailing(levels)}`;
}

// Sorting is an extra: without it the table reads in the documented default order.
const SORT_SCRIPT = `document.querySelectorAll("table.sortable").forEach(function (table) {
  var body = table.tBodies[0];
  table.querySelectorAll("thead th[data-col]").forEach(function (th) {
    var col = Number(th.getAttribute("data-col"));
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var rows = Array.prototype.slice.call(body.rows);
      var name = function (r) { return r.cells[0].textContent; };
      var count = function (r) { return Number(r.cells[col].getAttribute("data-n")); };
      rows.sort(col === 0 ? function (a, b) { return name(a).localeCompare(name(b)); } : function (a, b) { return count(b) - count(a) || name(a).localeCompare(name(b)); });
      rows.forEach(function (r) { body.appendChild(r); });
      table.querySelectorAll("thead th").forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", col === 0 ? "ascending" : "descending");
    });
  });
});`;

/** The audit report as one self-contained HTML document. */
export function auditHtml(report: AuditReport): string {
  const t = report.totals;
  const code = auditExitCode(report);
  const words = code === 2 ? "no export could be read" : `${t.failing} of ${t.stacks} stack(s) with a mandatory violation`;
  const body = html`<h1>Organization audit</h1>
    <p class="meta">policy pack ${report.pack.name} ${report.pack.version} · pipeline-check ${report.tool.version}</p>
    ${verdict(code, words)}
    <h2>Totals</h2>
    ${countList({ ...t })}
    <h2>Findings by severity and service</h2>
    ${charts(report.stacks.flatMap((s) => findingsOf(s).flatMap(([, f]) => f)))}
    ${stackTable(report)}${unreadableList(report)}${heatMap(report)}${impact(report)}`;
  return page("Organization audit", body, SORT_SCRIPT);
}
