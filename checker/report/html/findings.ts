// The findings of one stack, twice: grouped by resource and grouped by policy, switched by two radio
// inputs and CSS alone. Each shows its level, message, `file:line`, the policy's remediation steps and
// help link; waived ones their reason and expiry, undecided ones what was unknown, remediations before/after.
import type { CheckReport, Finding, PolicyRule, Remediated, SourceLocation } from "../../types";
import { reportLocation } from "../json";
import { html, type Html } from "./markup";
import { badge, table } from "./page";

/** What the findings need beside the report: declarations and the pack's policies. */
export interface FindingsContext {
  locations: Map<string, SourceLocation>;
  root: string;
  policies: PolicyRule[];
}

type Level = "mandatory" | "advisory" | "waived" | "undecided" | "remediated";

interface Item {
  urn: string;
  resource: string;
  policy: string;
  level: Level;
  where?: SourceLocation;
  body: Html;
}

// The pack words a waived finding `[waived] <message> (waived until <date> by <source>: <reason>)`.
const WAIVER = /^\[waived\] (.*) \(waived until (\S+) by (.*?): (.*)\)$/s;

function findingBody(f: Finding, level: Level): Html {
  const waiver = level === "waived" ? WAIVER.exec(f.message) : null;
  if (waiver) {
    const [, message, until, source, reason] = waiver;
    return html`<p>${message}</p>
      <p><strong>Reason:</strong> ${reason} <strong>Expires:</strong> ${until} <span class="where">(${source})</span></p>`;
  }
  const message = f.message.replace(/^\[(waived|undecided)\] /, "");
  return level === "undecided" ? html`<p><strong>Unknown at preview:</strong> ${message}</p>` : html`<p>${message}</p>`;
}

const value = (v: unknown): string => (v === undefined ? "(none)" : JSON.stringify(v));

function remediationBody(r: Remediated): Html {
  const rows = r.changes.map(
    (c) =>
      html`<tr>
        <th scope="row"><code>${c.path}</code></th>
        <td><code>${value(c.before)}</code></td>
        <td><code>${value(c.after)}</code></td>
      </tr>`,
  );
  return table({ head: ["property", "before", "after"], rows });
}

function items(report: CheckReport): Item[] {
  const of =
    (level: (f: Finding) => Level) =>
    (f: Finding): Item => ({
      urn: f.urn,
      resource: `${f.resourceName} (${f.resourceType})`,
      policy: f.policy,
      level: level(f),
      where: f.location,
      body: findingBody(f, level(f)),
    });
  return [
    ...report.violations.map(of((f) => (f.enforcementLevel === "mandatory" ? "mandatory" : "advisory"))),
    ...report.waived.map(of(() => "waived")),
    ...report.undecided.map(of(() => "undecided")),
    ...report.remediated.map((r): Item => ({
      urn: r.urn,
      resource: `${r.resourceName} (${r.resourceType})`,
      policy: r.policy,
      level: "remediated",
      body: remediationBody(r),
    })),
  ];
}

/** The policy's remediation steps and help link, folded, when the pack gives them. */
function howToFix(rule: PolicyRule | undefined): Html {
  if (!rule || (rule.remediationSteps === "" && rule.url === "")) {
    return html``;
  }
  const steps = rule.remediationSteps === "" ? html`` : html`<p class="steps">${rule.remediationSteps}</p>`;
  const link = rule.url === "" ? html`` : html`<p>Help: <a href="${rule.url}">${rule.url}</a></p>`;
  return html`<details>
    <summary>How to fix</summary>
    ${steps}${link}
  </details>`;
}

function itemHtml(item: Item, ctx: FindingsContext, heading: string): Html {
  const where = item.where ?? ctx.locations.get(item.urn);
  const place = where ? reportLocation(where, ctx.root) : undefined;
  const located = place ? html`<p class="where">${place.file}:${place.line}</p>` : html``;
  const rule = ctx.policies.find((p) => p.name === item.policy);
  return html`<li class="finding">${badge(item.level)} <strong>${heading}</strong>${item.body}${located}${howToFix(rule)}</li>`;
}

function grouped(all: Item[], ctx: FindingsContext, by: "resource" | "policy"): Html {
  const groups = new Map<string, Item[]>();
  for (const item of [...all].sort((a, b) => (by === "resource" ? a.urn.localeCompare(b.urn) : a.policy.localeCompare(b.policy)))) {
    const key = by === "resource" ? item.resource : item.policy;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const sections = [...groups].map(
    ([key, list]) =>
      html`<section>
        <h3>${key}</h3>
        <ul class="findings">
          ${list.map((i) => itemHtml(i, ctx, by === "resource" ? i.policy : i.resource))}
        </ul>
      </section>`,
  );
  return html`<div class="by-${by}">
    <h2 id="by-${by}">Findings by ${by}</h2>
    ${sections}
  </div>`;
}

/** Both groupings with the switch between them; a report without findings says so. */
export function findingsSection(report: CheckReport, ctx: FindingsContext): Html {
  const all = items(report);
  if (all.length === 0) {
    return html`<h2>Findings</h2>
      <p id="no-findings">No findings: every policy passed on every resource.</p>`;
  }
  return html`<section class="grouping">
    <h2>Findings</h2>
    <span class="switch">Group findings:</span>
    <input type="radio" name="group" id="group-resource" checked /> <label for="group-resource">by resource</label>
    <input type="radio" name="group" id="group-policy" />
    <label for="group-policy">by policy</label> ${grouped(all, ctx, "resource")}${grouped(all, ctx, "policy")}
  </section>`;
}
