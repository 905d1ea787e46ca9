// The impact of a level change end to end: fixture exports audited with the real pack twice, at the
// pack's own levels and with {"all": "mandatory"}. The stacks the second audit says would start failing
// must be exactly those that fail in the second run and not in the first.
import * as fs from "fs";
import * as path from "path";
import { levelImpact } from "../../checker/audit/impact";
import { stackId, type AuditReport } from "../../checker/audit/report";
import { main } from "../../checker/cli";
import { listFixtures } from "../../checker/fixtures";
import { KIT_ROOT } from "../../checker/record/run";
import { captureOutput } from "./capturedOutput";
import { scratch } from "./cliProcess";
import { writeFixtureExports } from "./fixtureExports";
import { parseAudit } from "./reportSchema";

// Five programs recorded and three packs started.
jest.setTimeout(300_000);

// Failing at the pack's levels, advisory only, waived, clean: a mix that a raise splits.
const chosen = ["bucket-without-access-logging", "github-v1-oauth", "good-pipeline", "inline-bucket-config", "waived-github-v1"];
const fixtures = listFixtures(path.join(KIT_ROOT, "fixtures")).filter((f) => chosen.includes(f.name));
const { dir, write } = scratch("pc-audit-impact-");
const exportsDir = path.join(dir, "exports");
const allMandatory = write("all-mandatory.json", JSON.stringify({ all: "mandatory" }));
const base = ["--state", exportsDir, "--policy-pack", path.join(KIT_ROOT, "policies"), "--source-root", dir];

beforeAll(() => {
  fs.mkdirSync(exportsDir);
  return writeFixtureExports(fixtures, exportsDir);
});

describe('an audit with {"all": "mandatory"} beside one at the pack\'s levels', () => {
  const output = captureOutput();
  const run = async (...args: string[]): Promise<string> => {
    output.stdout = "";
    await main([...base, ...args]);
    return output.stdout;
  };
  const failing = (report: AuditReport): string[] =>
    report.stacks.filter((s) => s.report.violations.some((v) => v.enforcementLevel === "mandatory")).map(stackId);

  it("names exactly the stacks that fail only with the config, and the levels it raised", async () => {
    const own = parseAudit<AuditReport>(await run("--format", "json"));
    const raised = parseAudit<AuditReport>(await run("--format", "json", "--policy-pack-config", allMandatory));
    const before = failing(own);
    const expected = failing(raised)
      .filter((id) => !before.includes(id))
      .sort();
    // Not vacuous: some stacks start failing, and some failed already.
    expect(expected.length).toBeGreaterThan(0);
    expect(before.length).toBeGreaterThan(0);
    expect(levelImpact(raised).startFailing).toEqual(expected);

    // The pack's levels are what an audit without config ran with.
    const ownLevels = Object.fromEntries(
      Object.entries(own.policyConfig).map(([name, c]) => [name, (c as { enforcementLevel: string }).enforcementLevel]),
    );
    expect(Object.fromEntries(raised.policies.map((p) => [p.name, p.enforcementLevel]))).toEqual(ownLevels);
    expect(levelImpact(own)).toEqual({ known: true, changes: [], startFailing: [] });
    const lifted = Object.keys(ownLevels).filter((name) => ownLevels[name] !== "mandatory");
    expect(levelImpact(raised).changes.map((c) => [c.policy, c.raised])).toEqual(lifted.sort().map((name) => [name, true]));

    const text = await run("--policy-pack-config", allMandatory);
    expect(text).toContain(`\n${expected.length} stack(s) would start failing: ${expected.slice(0, 5).join(", ")}`);
    expect(await run()).not.toContain("would start failing");
  });
});
