// The page around a report: one self-contained document (styles and the optional script inline, nothing
// fetched), laid out for a 1280 px screen and for a phone, readable with scripts off.
import { Html, html, raw, type Part } from "./markup";

// Every level has a colour and always its name beside it: the colour is never the only carrier.
const STYLES = `
:root { --mandatory: #b3261e; --advisory: #8a5a00; --waived: #5f6368; --undecided: #1a56a8; --remediated: #0b6e4f; --line: #d0d4d9; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1f21; background: #f6f7f9; }
main { max-width: 1200px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.5rem; margin: 0 0 4px; }
h2 { font-size: 1.2rem; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1rem; margin: 18px 0 6px; overflow-wrap: anywhere; }
.meta { color: #4a4f55; margin: 0; overflow-wrap: anywhere; }
.verdict { margin: 16px 0; padding: 10px 14px; border-radius: 6px; font-weight: 600; border-left: 6px solid; background: #fff; }
.verdict.fail { border-color: var(--mandatory); color: var(--mandatory); }
.verdict.pass { border-color: var(--remediated); color: var(--remediated); }
.counts { display: grid; grid-template-columns: repeat(auto-fit, minmax(130px, 1fr)); gap: 8px; margin: 0; }
.counts div { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.counts dt { color: #4a4f55; font-size: .85rem; }
.counts dd { margin: 0; font-size: 1.4rem; font-weight: 700; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 16px; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; background: #fff; width: 100%; }
caption { text-align: left; font-weight: 600; padding: 6px 0; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.bar { display: inline-block; height: .8em; background: #5b6b7d; margin-right: 6px; vertical-align: middle; }
.badge { display: inline-block; padding: 0 6px; border-radius: 4px; color: #fff; font-size: .8rem; font-weight: 600; }
.lvl-mandatory { background: var(--mandatory); } .lvl-advisory { background: var(--advisory); }
.lvl-waived { background: var(--waived); } .lvl-undecided { background: var(--undecided); } .lvl-remediated { background: var(--remediated); }
.finding { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 6px 0; list-style: none; }
.findings { padding: 0; margin: 0; }
.finding p, li { margin: 4px 0; overflow-wrap: anywhere; }
.where { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85rem; color: #4a4f55; }
.steps { white-space: pre-line; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85rem; overflow-wrap: anywhere; }
.switch { margin: 8px 0; }
.switch label { margin-right: 12px; }
#group-policy:checked ~ .by-resource, #group-resource:checked ~ .by-policy { display: none; }
.heat td { text-align: center; white-space: nowrap; }
.heat td.cell-mandatory { background: #f6d5d3; } .heat td.cell-advisory { background: #f8e7c2; }
.heat td.cell-undecided { background: #d6e4f7; } .heat td.cell-waived { background: #e3e5e8; }
.heat { width: auto; }
.heat th.policy { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: 600; }
th button { font: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-decoration: underline dotted; }
@media (max-width: 600px) { main { padding: 8px; } body { font-size: 14px; } .counts dd { font-size: 1.15rem; } }
`;

/** A whole document: title, body and, when given, the kit's own inline script. */
export function page(title: string, body: Part, script = ""): string {
  const tail: Html =
    script === ""
      ? raw("")
      : html`<script>
          ${raw(script)};
        </script>`;
  return `<!doctype html>\n${
    html`<html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <style>
          ${raw(STYLES)}
        </style>
      </head>
      <body>
        <main>${body}</main>
        ${tail}
      </body>
    </html>`.text
  }\n`;
}

/** A level's name in a coloured badge. */
export function badge(level: string): Html {
  return html`<span class="badge lvl-${level}">${level}</span>`;
}

/** What a table holds: column headers (text, or a header cell of its own), body rows, an optional totals row. */
export interface TableSpec {
  head: (string | Html)[];
  rows: Part;
  caption?: string;
  className?: string;
  foot?: Part;
}

/** A semantic table in a box that scrolls sideways on a narrow screen, so the page itself never does. */
export function table(spec: TableSpec): Html {
  const head = spec.head.map((h) => (h instanceof Html ? h : html`<th scope="col">${h}</th>`));
  const caption =
    spec.caption === undefined
      ? ""
      : html`<caption>
          ${spec.caption}
        </caption>`;
  const foot =
    spec.foot === undefined
      ? ""
      : html`<tfoot>
          ${spec.foot}
        </tfoot>`;
  return html`<div class="scroll">
    <table class="${spec.className ?? ""}">
      ${caption}
      <thead>
        <tr>
          ${head}
        </tr>
      </thead>
      <tbody>
        ${spec.rows}
      </tbody>
      ${foot}
    </table>
  </div>`;
}

/** A header cell for a column of numbers. */
export function numericHeader(label: string): Html {
  return html`<th scope="col" class="num">${label}</th>`;
}

/** A table of label and count rows, each with a bar: the counts are text, the bar only repeats them. */
export function barChart(caption: string, label: string, rows: [string, number][]): Html {
  const max = Math.max(1, ...rows.map(([, n]) => n));
  const body = rows.map(
    ([name, n]) =>
      html`<tr>
        <th scope="row">${name}</th>
        <td><span class="bar" aria-hidden="true" style="width:${Math.round((n / max) * 160)}px"></span>${n}</td>
      </tr>`,
  );
  return table({ caption, className: "chart", head: [label, "findings"], rows: body });
}
