// Every fixture's program, recorded once and written as a `pulumi stack export`, audited in one run with
// the real pack: each stack's report must be exactly what a single `--state` check of its export gives,
// which starts a pack of its own, so sharing one pack across stacks changes no finding, level or message.
import * as fs from "fs";
import * as path from "path";
import { toStackExport } from "../../bench/stacks";
import type { AuditReport } from "../../checker/audit/report";
import { main } from "../../checker/cli";
import { listFixtures } from "../../checker/fixtures";
import { SECRET_SIG, SIG_KEY } from "../../checker/record/properties";
import { DEFAULT_ORGANIZATION } from "../../checker/pack";
import { KIT_ROOT } from "../../checker/record/run";
import { target } from "../../checker/target";
import { captureOutput } from "./capturedOutput";
import { scratch } from "./cliProcess";
import { parseAudit, parseReport } from "./reportSchema";

// Thirty programs recorded and thirty packs started, one after another on a shared machine.
jest.setTimeout(900_000);

const fixtures = listFixtures(path.join(KIT_ROOT, "fixtures"));
const { dir } = scratch("pc-audit-fixtures-");
const base = ["--policy-pack", path.join(KIT_ROOT, "policies"), "--source-root", dir, "--format", "json"];

/** A recorded value as `pulumi stack export --show-secrets` writes it: a secret's value as JSON in `plaintext`. */
function exported(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(exported);
  }
  if (value === null || typeof value !== "object") {
    return value;
  }
  const record = value as Record<string, unknown>;
  if (record[SIG_KEY] === SECRET_SIG) {
    return { [SIG_KEY]: SECRET_SIG, plaintext: JSON.stringify(record.value) };
  }
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, exported(v)]));
}

beforeAll(async () => {
  for (const fixture of fixtures) {
    const program = target({ program: fixture.dir }, "dev", DEFAULT_ORGANIZATION, () => undefined);
    const recording = await program.recording(new AbortController().signal);
    fs.writeFileSync(path.join(dir, `${fixture.name}.json`), JSON.stringify(exported(toStackExport(recording))));
  }
});

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
