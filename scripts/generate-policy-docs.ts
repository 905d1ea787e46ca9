/**
 * Renders docs/policies.md from policies/pack.ts, so the reference cannot drift from the pack.
 * `npm run docs:policies` writes it and says whether that changed it; tests/policy/docs.test.ts fails
 * when it is stale.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import type { CompliancePolicy } from "../policies/lib/policy";
import { packName, policies } from "../policies/pack";
import { formatted } from "./formatted";

export const DOCS_PATH = path.join(__dirname, "..", "docs", "policies.md");

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function configRows(policy: CompliancePolicy): string[] {
  const properties: Record<string, PolicyConfigJSONSchema | boolean> = policy.configSchema?.properties ?? {};
  return Object.entries(properties).map(([key, schema]) => {
    const s = typeof schema === "boolean" ? {} : schema;
    return `| \`${key}\` | ${String(s.type ?? "")} | \`${JSON.stringify(s.default)}\` | ${cell(s.description ?? "")} |`;
  });
}

function compliance(policy: CompliancePolicy): string {
  const entries = Object.entries(policy.docs.compliance).filter(([, ids]) => ids.length > 0);
  return entries.length === 0 ? "none" : entries.map(([framework, ids]) => `${framework.toUpperCase()} ${ids.join(", ")}`).join("; ");
}

function renderPolicy(policy: CompliancePolicy): string {
  return [
    `### \`${policy.name}\``,
    "",
    policy.description,
    "",
    "| type | severity | default level | remediation | compliance |",
    "|---|---|---|---|---|",
    `| ${policy.kind} | ${policy.severity ?? ""} | ${policy.enforcementLevel ?? ""} | ${policy.remediable ? "yes" : "no"} | ${compliance(policy)} |`,
    "",
    `**What.** ${policy.docs.what}`,
    "",
    `**Why.** ${policy.docs.why}`,
    "",
    `**Fix.** ${policy.docs.fix}`,
    "",
    `Reference: ${policy.docs.url}`,
    "",
    "| config | type | default | description |",
    "|---|---|---|---|",
    ...configRows(policy),
    "",
  ].join("\n");
}

const PREAMBLE = `# Policy reference: \`${packName}\`

Generated from \`policies/pack.ts\` by \`npm run docs:policies\`; do not edit by hand.

Use the pack with \`pulumi preview --policy-pack policies\` (or the repository root). Only a
\`mandatory\` finding fails a run. Set a policy's level or knobs with \`--policy-pack-config\`:

\`\`\`json
{ "codepipeline-artifact-store-region": { "enforcementLevel": "remediate" } }
\`\`\`

## Findings that are not violations

**Undecided.** A policy that needs a value unknown during preview (an output of a resource not
created yet) does not pass silently: it reports at level \`advisory\` with a message starting
\`[undecided] \`. The engine's own \`can't run policy ... during preview\` diagnostics mean the same.
The check runs again with known values during \`pulumi up\`.

**Waived.** A resource can be exempted from one policy, with a reason and a last day (UTC):

- tag on the resource: \`compliance:waive:<policy-name>\` = \`<reason>; until=<YYYY-MM-DD>\`
- or the policy's \`waivers\` config:
  \`{ "<policy-name>": { "waivers": [{ "resource": "<logical name or URN>", "reason": "...", "until": "YYYY-MM-DD" }] } }\`

A waived finding is still reported, at level \`advisory\`, with a message starting \`[waived] \` that
names the reason and the expiry. After the \`until\` day the waiver no longer applies and the finding
says when it expired. A malformed waiver (no reason, no or invalid date, not a list) is reported as a
finding of its own at the policy's level and is never applied. Stack policies look up the waiver on
the resource each finding names.

## Policies
`;

export function renderPolicyDocs(list: readonly CompliancePolicy[] = policies): string {
  const index = list.map((p) => `| \`${p.name}\` | ${p.kind} | ${p.severity ?? ""} | ${p.enforcementLevel ?? ""} |`);
  return [PREAMBLE, "| policy | type | severity | default level |", "|---|---|---|---|", ...index, "", ...list.map(renderPolicy)].join(
    "\n",
  );
}

/** docs/policies.md as committed: the rendered text, formatted as `npm run format` leaves it. */
export function formattedPolicyDocs(): string {
  return formatted(DOCS_PATH, renderPolicyDocs());
}

/**
 * Writes `text` to `file` unless the file already holds exactly that, and says which happened, so a
 * run that changed nothing leaves the file (and its timestamp) alone.
 */
export function writePolicyDocs(file: string = DOCS_PATH, text: string = formattedPolicyDocs()): "updated" | "unchanged" {
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === text) {
    return "unchanged";
  }
  fs.writeFileSync(file, text);
  return "updated";
}

if (require.main === module) {
  process.stdout.write(`${path.relative(process.cwd(), DOCS_PATH)}: ${writePolicyDocs()}\n`);
}
