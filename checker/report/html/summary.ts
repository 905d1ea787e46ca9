// The summary of a report: its counts, the exit verdict, and findings charted by severity and by service.
import type { Finding } from "../../types";
import { barChart } from "./page";
import { html, type Html } from "./markup";

const SEVERITIES = ["critical", "high", "medium", "low"] as const;

/** The counts as a definition list, each count with an id the tests and readers can find. */
export function countList(counts: Record<string, number>): Html {
  const items = Object.entries(counts).map(
    ([name, n]) =>
      html`<div id="count-${name}">
        <dt>${name}</dt>
        <dd>${n}</dd>
      </div>`,
  );
  return html`<dl class="counts">${items}</dl>`;
}

/** What the exit code says, in words and as the number CI sees (0 passes, 1 fails, 2 could not judge). */
export function verdict(code: number, text: string): Html {
  return html`<p class="verdict ${code === 0 ? "pass" : "fail"}" id="verdict">
    ${code === 0 ? "Passes" : "Fails"}: ${text} (exit ${code})
  </p>`;
}

/** The AWS service of a type token (`aws:s3/bucketV2:BucketV2` is `s3`); a token without a module is its package. */
export function serviceOf(type: string): string {
  const [pkg, module = ""] = type.split(":");
  return module.split("/")[0] || pkg;
}

function tally(findings: Finding[], key: (f: Finding) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) {
    counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
  }
  return counts;
}

/** Two bar charts of every finding (violations, waived and undecided): by severity, worst first, and by service, most first. */
export function charts(findings: Finding[]): Html {
  if (findings.length === 0) {
    return html`<p>No findings to chart.</p>`;
  }
  const bySeverity = tally(findings, (f) => f.severity || "none");
  const severities = [...SEVERITIES, "none"].flatMap((s): [string, number][] => {
    const n = bySeverity.get(s);
    return n === undefined ? [] : [[s, n]];
  });
  const services = [...tally(findings, (f) => serviceOf(f.resourceType))].sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
  return html`<div class="charts">
    ${barChart("Findings by severity", "severity", severities)}${barChart("Findings by service", "service", services)}
  </div>`;
}
