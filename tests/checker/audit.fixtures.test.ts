// Every fixture's program, recorded once and written as a `pulumi stack export`, audited in one run with
// the real pack: each stack's report must be exactly what a single `--state` check of its export gives,
// which starts a pack of its own, so sharing one pack across stacks changes no finding, level or message.
import * as path from "path";
import type { AuditReport } from "../../checker/audit/report";
import { main } from "../../checker/cli";
import { listFixtures } from "../../checker/fixtures";
import { KIT_ROOT } from "../../checker/record/run";
import { captureOutput } from "./capturedOutput";
import { scratch } from "./cliProcess";
import { writeFixtureExports } from "./fixtureExports";
import { parseAudit, parseReport } from "./reportSchema";

// Thirty programs recorded and thirty packs started, one after another on a shared machine.
jest.setTimeout(900_000);

const fixtures = listFixtures(path.join(KIT_ROOT, "fixtures"));
const { dir } = scratch("pc-audit-fixtures-");
const base = ["--policy-pack", path.join(KIT_ROOT, "policies"), "--source-root", dir, "--format", "json"];

beforeAll(() => writeFixtureExports(fixtures, dir));

describe("an audit of every fixture's export", () => {
  const output = captureOutput();

  it("gives each stack the report a single --state check of its export gives", async () => {
    const code = await main(["--state", dir, ...base]);
    const audit = parseAudit<AuditReport>(output.stdout);
    expect(audit.unreadable).toEqual([]);
    expect(audit.stacks.map((s) => s.source)).toEqual(fixtures.map((f) => `${f.name}.json`).sort());
    // Not a vacuous comparison: the fixtures fail, waive and leave undecided.
    expect(audit.totals.failing).toBeGreaterThan(10);
    expect(audit.totals.waived + audit.totals.undecided).toBeGreaterThan(0);
    let failing = 0;
    for (const stack of audit.stacks) {
      output.stdout = "";
      failing += await main(["--state", path.join(dir, stack.source), ...base]);
      expect({ source: stack.source, report: parseReport(output.stdout) }).toEqual({ source: stack.source, report: stack.report });
    }
    expect(failing).toBe(audit.totals.failing);
    expect(code).toBe(1);
  });
});
