// `--format html` of one stack: the summary with the exit verdict, charts, the findings (switchable
// grouping), the functions whose results were unknown, and the pack that judged it.
import type { CheckReport, PackInfo, SourceLocation } from "../../types";
import { reportLocation } from "../json";
import { summaryLine } from "../text";
import { findingsSection } from "./findings";
import { html } from "./markup";
import { numericHeader, page, table } from "./page";
import { charts, countList, verdict } from "./summary";

/** What the page needs beside the report. */
export interface HtmlContext {
  pack: PackInfo;
  locations: Map<string, SourceLocation>;
  /** The program's entry or the stack export: named in the heading. */
  entry: string;
  /** Paths are shown relative to it. */
  root: string;
  toolVersion: string;
}

/** The functions the provider model could not answer: why a finding may be undecided. */
function unanswered(report: CheckReport): ReturnType<typeof html> {
  if (report.unansweredFunctions.length === 0) {
    return html``;
  }
  const rows = report.unansweredFunctions.map(
    (u) =>
      html`<tr>
        <th scope="row"><code>${u.token}</code></th>
        <td class="num">${u.calls}</td>
      </tr>`,
  );
  return html`<h2>Unknown at preview</h2>
    <p>The provider model could not answer these functions, so the program saw their results unknown.</p>
    ${table({ head: ["function", numericHeader("calls")], rows })}`;
}

/** The single-stack report as one self-contained HTML document. */
export function toHtml(report: CheckReport, ctx: HtmlContext): string {
  const mandatory = report.violations.filter((v) => v.enforcementLevel === "mandatory").length;
  const counts = {
    resources: report.resources,
    mandatory,
    advisory: report.violations.length - mandatory,
    waived: report.waived.length,
    undecided: report.undecided.length,
    remediated: report.remediated.length,
  };
  const target = reportLocation({ file: ctx.entry, line: 1 }, ctx.root).file;
  const body = html`<h1>Compliance report</h1>
    <p class="meta">${target} · policy pack ${ctx.pack.name} ${ctx.pack.version} · pipeline-check ${ctx.toolVersion}</p>
    ${verdict(mandatory > 0 ? 1 : 0, mandatory > 0 ? `${mandatory} mandatory violation(s)` : "no mandatory violation")}
    <h2>Summary</h2>
    ${countList(counts)}
    <h2>Findings by severity and service</h2>
    ${charts([...report.violations, ...report.waived, ...report.undecided])}
    ${findingsSection(report, { locations: ctx.locations, root: ctx.root, policies: ctx.pack.policies })} ${unanswered(report)}
    <p class="meta">${summaryLine(report)}</p>`;
  return page(`Compliance report: ${target}`, body);
}
