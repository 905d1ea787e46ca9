// The audit through the CLI's main() with the small test pack: several exports (valid, unreadable,
// failing) in one run and its exit codes, each stack's report equal to a single --state check of its
// export, the impact of a level change, and the merge of shard reports equal to one unsharded run.
import * as fs from "fs";
import * as path from "path";
import type { AuditReport } from "../../checker/audit/report";
import { EXIT_CANNOT_RUN, EXIT_CLEAN, EXIT_VIOLATIONS, main } from "../../checker/cli";
import { captureOutput } from "./capturedOutput";
import { PACK, scratch } from "./cliProcess";
import { auditProblems, parseAudit, parseReport } from "./reportSchema";
import { sarifProblems } from "./sarifSchema";

jest.setTimeout(180_000);

const { dir, write } = scratch("pc-audit-cli-");
const exportsDir = path.join(dir, "exports");

/** A stack export of project `app` holding the root stack and one bucket with these inputs. */
function stackExport(name: string, stack: string, inputs: Record<string, unknown>): string {
  const root = `urn:pulumi:${stack}::app::pulumi:pulumi:Stack::app-${stack}`;
  return write(
    `exports/${name}`,
    JSON.stringify({
      version: 3,
      deployment: {
        resources: [
          { urn: root, custom: false, type: "pulumi:pulumi:Stack" },
          {
            urn: `urn:pulumi:${stack}::app::aws:s3/bucket:Bucket::data`,
            custom: true,
            type: "aws:s3/bucket:Bucket",
            parent: root,
            inputs,
            outputs: inputs,
          },
        ],
      },
    }),
  );
}

// Named so that sorted order (a directory's) differs from the order of the stacks' names.
const clean = stackExport("1-clean.json", "dev", { tags: { owner: "team" } });
const advisory = stackExport("2-advisory.json", "staging", { tags: {} });
const failing = stackExport("3-failing.json", "prod", { versioning: { enabled: true }, tags: { owner: "team" } });
const bad = write("exports/4-bad.json", "{");
const missing = path.join(dir, "missing.json");
const empty = write("other/empty.json", JSON.stringify({ version: 3, deployment: {} }));
const allMandatory = write("all-mandatory.json", JSON.stringify({ all: "mandatory" }));

const base = ["--policy-pack", PACK, "--source-root", dir];

describe("an audit of several stack exports", () => {
  const output = captureOutput();
  const audit = async (...args: string[]): Promise<{ code: number; report: AuditReport }> => {
    output.stdout = "";
    const code = await main([...args, ...base, "--format", "json"]);
    return { code, report: parseAudit<AuditReport>(output.stdout) };
  };

  it("judges the readable ones with one pack, reports the unreadable ones with their reasons, and exits 1 when a stack fails", async () => {
    const { code, report } = await audit("--state", clean, "--state", advisory, "--state", failing, "--state", bad, "--state", missing);
    expect(code).toBe(EXIT_VIOLATIONS);
    expect(report.stacks.map((s) => [s.source, `${s.project}/${s.stack}`, s.report.violations.map((v) => v.policy)])).toEqual([
      ["exports/1-clean.json", "app/dev", []],
      ["exports/2-advisory.json", "app/staging", ["bucket-has-tags"]],
      ["exports/3-failing.json", "app/prod", ["no-inline-versioning"]],
    ]);
    expect(report.unreadable).toEqual([
      { source: "exports/4-bad.json", reason: expect.stringMatching(/^not valid JSON \(/) },
      { source: "missing.json", reason: "no such file" },
    ]);
    expect(report.totals).toMatchObject({ exports: 5, stacks: 3, unreadable: 2, failing: 1, mandatory: 1, advisory: 1 });
    expect(report.pack).toEqual({ name: "checker-test-pack", version: expect.any(String) });
    // One pack: its start is one phase line; then a progress line per export (five exports: every one).
    expect(output.stderr.split("\n").filter(Boolean)).toEqual([
      expect.stringMatching(/^pack: checker-test-pack@.* ready, 5 policies \(\d+\.\d s\)$/),
      "audit: 1/5 exports (0 unreadable, 0 failing)",
      "audit: 2/5 exports (0 unreadable, 0 failing)",
      "audit: 3/5 exports (0 unreadable, 1 failing)",
      "audit: 4/5 exports (1 unreadable, 1 failing)",
      "audit: 5/5 exports (2 unreadable, 1 failing)",
    ]);
  });

  it("exits 0 when no stack read fails, unreadable exports and advisory findings notwithstanding", async () => {
    const { code, report } = await audit("--state", clean, "--state", advisory, "--state", bad);
    expect(code).toBe(EXIT_CLEAN);
    expect(report.totals).toMatchObject({ stacks: 2, unreadable: 1, failing: 0 });
  });

  it("exits 2 when no export could be read, naming the first with its reason, and still prints the report", async () => {
    const code = await main(["--state", bad, "--state", empty, "--state", path.join(dir, "nothing-*.json"), ...base, "--format", "json"]);
    expect(code).toBe(EXIT_CANNOT_RUN);
    expect(parseAudit<AuditReport>(output.stdout).unreadable).toEqual([
      { source: "exports/4-bad.json", reason: expect.stringMatching(/^not valid JSON/) },
      { source: "other/empty.json", reason: "no resources, so no URN names its project and stack" },
      { source: "nothing-*.json", reason: "the pattern matches no file" },
    ]);
    expect(output.stderr).toMatch(
      /^pipeline-check: none of the 3 stack export\(s\) could be read \(exports\/4-bad\.json: not valid JSON .*\)\n$/m,
    );
  });

  it("judges a second export of a stack already read as unreadable, naming the first", async () => {
    const again = write("copy/prod.json", fs.readFileSync(failing, "utf8"));
    const { report } = await audit("--state", failing, "--state", again);
    expect(report.unreadable).toEqual([{ source: "copy/prod.json", reason: "the same stack (app/prod) as exports/3-failing.json" }]);
  });

  it("stops with one line when the pack cannot start", async () => {
    expect(await main(["--state", clean, "--state", failing, "--policy-pack", path.join(dir, "no-pack")])).toBe(EXIT_CANNOT_RUN);
    expect(output.stdout).toBe("");
    expect(output.stderr).toMatch(/^pipeline-check: .*no-pack/m);
  });

  it("shows a table of stacks and the policy x stacks matrix as text", async () => {
    const out = path.join(dir, "audit.txt");
    expect(await main(["--state", exportsDir, ...base, "--output", out])).toBe(EXIT_VIOLATIONS);
    expect(output.stdout).toBe("");
    const text = fs.readFileSync(out, "utf8");
    expect(text).toMatch(/^app\/staging +2 +0 +1 +0 +0 +exports\/2-advisory\.json$/m);
    expect(text).toMatch(/^app\/prod +2 +1 +0 +0 +0 +exports\/3-failing\.json$/m);
    expect(text).toMatch(/^ {2}exports\/4-bad\.json: not valid JSON/m);
    expect(text).toMatch(/^bucket-has-tags +0 +1 +0 +0$/m);
    expect(text).toMatch(/^no-inline-versioning +1 +0 +0 +0 +app\/prod$/m);
    expect(text).toMatch(
      /^4 exports, 3 stacks read, 1 unreadable, 1 failing; 6 resources, 1 mandatory, 1 advisory, 0 waived, 0 undecided, 0 remediated\n$/m,
    );
  });

  it('shows with {"all": "mandatory"} which stacks would start failing: advisory findings become failing stacks in the matrix', async () => {
    const today = await audit("--state", exportsDir);
    const enforced = await audit("--state", exportsDir, "--policy-pack-config", allMandatory);
    expect(today.report.matrix["bucket-has-tags"]).toMatchObject({ mandatory: [], advisory: ["app/staging"] });
    expect(enforced.report.matrix["bucket-has-tags"]).toMatchObject({ mandatory: ["app/staging"], advisory: [] });
    expect([today.report.totals.failing, enforced.report.totals.failing]).toEqual([1, 2]);
    expect(enforced.report.policyConfig["bucket-has-tags"]).toMatchObject({ enforcementLevel: "mandatory" });
    expect([today.code, enforced.code]).toEqual([EXIT_VIOLATIONS, EXIT_VIOLATIONS]);
  });

  it("reports --audit with one export as an audit, and refuses --audit without --state", async () => {
    const { code, report } = await audit("--audit", "--state", clean);
    expect(code).toBe(EXIT_CLEAN);
    expect(report.stacks.map((s) => s.source)).toEqual(["exports/1-clean.json"]);
    output.stderr = "";
    expect(await main(["--audit", ...base])).toBe(EXIT_CANNOT_RUN);
    expect(output.stderr).toBe("pipeline-check: --audit: give the stack exports to audit with --state (see --help)\n");
  });
});

describe("each stack of an audit against a single --state check of its export", () => {
  const output = captureOutput();

  it("has the report, JSON and SARIF, the single check gives", async () => {
    await main(["--state", exportsDir, ...base, "--format", "json"]);
    const audited = parseAudit<AuditReport>(output.stdout);
    output.stdout = "";
    await main(["--state", exportsDir, ...base, "--format", "sarif"]);
    const runs = (JSON.parse(output.stdout) as { runs: Record<string, unknown>[] }).runs;
    expect(sarifProblems({ version: "2.1.0", runs })).toEqual([]);
    expect(runs).toHaveLength(3);
    for (const [i, file] of [clean, advisory, failing].entries()) {
      output.stdout = "";
      const code = await main(["--state", file, ...base, "--format", "json"]);
      expect(audited.stacks[i].report).toEqual(parseReport(output.stdout));
      expect(code).toBe(audited.stacks[i].report.violations.some((v) => v.enforcementLevel === "mandatory") ? 1 : 0);
      output.stdout = "";
      await main(["--state", file, ...base, "--format", "sarif"]);
      const { automationDetails, ...run } = runs[i];
      expect(automationDetails).toEqual({ id: `pipeline-check/${audited.stacks[i].project}/${audited.stacks[i].stack}/` });
      expect(run).toEqual((JSON.parse(output.stdout) as { runs: unknown[] }).runs[0]);
    }
  });
});

describe("merge of shard reports", () => {
  const output = captureOutput();
  const run = async (file: string, args: string[]): Promise<string> => {
    output.stdout = "";
    await main(args);
    return write(file, output.stdout);
  };

  it("equals one unsharded run over all the exports, in every format, and refuses what it cannot merge", async () => {
    const whole = await run("whole.json", ["--state", exportsDir, ...base, "--format", "json"]);
    // Shards as a CI matrix splits a list: not in sorted order, one of them a single export (--audit).
    const first = await run("shard-1.json", ["--state", failing, "--state", clean, ...base, "--format", "json"]);
    const second = await run("shard-2.json", ["--audit", "--state", path.join(exportsDir, "[24]-*.json"), ...base, "--format", "json"]);
    for (const format of ["json", "text", "sarif", "html"]) {
      output.stdout = "";
      const code = await main(["merge", second, first, "--source-root", dir, "--format", format]);
      const merged = output.stdout;
      output.stdout = "";
      await main(["--state", exportsDir, ...base, "--format", format]);
      expect([code, merged]).toEqual([EXIT_VIOLATIONS, output.stdout]);
    }
    expect(auditProblems(JSON.parse(fs.readFileSync(whole, "utf8")))).toEqual([]);

    output.stderr = "";
    expect(await main(["merge", first, first])).toBe(EXIT_CANNOT_RUN);
    expect(output.stderr).toBe(`pipeline-check: merge ${first}: stack app/prod is also in ${first}; each stack belongs to one shard\n`);
    const single = await run("single.json", ["--state", clean, ...base, "--format", "json"]);
    output.stderr = "";
    expect(await main(["merge", first, single])).toBe(EXIT_CANNOT_RUN);
    expect(output.stderr).toMatch(/^pipeline-check: merge .*single\.json: not an audit report/);
    output.stderr = "";
    expect(await main(["merge"])).toBe(EXIT_CANNOT_RUN);
    expect(output.stderr).toBe("pipeline-check: merge: give the JSON audit reports of the shards (see merge --help)\n");
  });

  it("writes to --output, and answers --help and --version", async () => {
    const shard = await run("shard.json", ["--audit", "--state", clean, ...base, "--format", "json"]);
    const out = path.join(dir, "merged.txt");
    expect(await main(["merge", shard, "--output", out])).toBe(EXIT_CLEAN);
    expect(fs.readFileSync(out, "utf8")).toMatch(/^app\/dev +2 +0 +0 +0 +0 +exports\/1-clean\.json$/m);
    output.stdout = "";
    expect(await main(["merge", "--help"])).toBe(EXIT_CLEAN);
    expect(output.stdout).toMatch(/^Usage: pipeline-check merge REPORT\.json\.\.\. \[options\]\n/);
    expect(output.stdout).toContain("--format text|json|sarif|html");
    output.stdout = "";
    expect(await main(["merge", "--version"])).toBe(EXIT_CLEAN);
    expect(output.stdout).toMatch(/^pipeline-check \d/);
  });
});
