// The audit report built from per-stack reports, without a pack: totals, the policy x stacks matrix, the
// text tables, SARIF runs, exit codes, progress, and the merge of shards with its refusals.
import * as path from "path";
import { mergeShards, readShard, type Shard } from "../../checker/audit/merge";
import { auditProgress, lineEvery } from "../../checker/audit/progress";
import { auditExitCode, auditJson, auditReport, auditSarif, auditText, type AuditHead, type AuditStack } from "../../checker/audit/report";
import { CheckError } from "../../checker/errors";
import { jsonReport } from "../../checker/report/json";
import { toSarif } from "../../checker/report/sarif";
import type { CheckReport } from "../../checker/types";
import { scratch } from "./cliProcess";
import { auditProblems } from "./reportSchema";
import { finding, sampleReport } from "./sampleReport";
import { sarifProblems } from "./sarifSchema";

const tool = { name: "pipeline-check", version: "9.9.9" };
const policies = [
  { name: "no-inline-versioning", description: "d", severity: "high" as const, tags: [], remediationSteps: "", url: "https://x/niv" },
  { name: "bucket-has-tags", description: "d", severity: "low" as const, tags: [], remediationSteps: "", url: "" },
];
const head: AuditHead = {
  tool,
  pack: { name: "p", version: "1.0.0" },
  policyConfig: { "no-inline-versioning": { enforcementLevel: "mandatory", properties: {} } },
  policies,
};
const clean: CheckReport = { resources: 3, violations: [], waived: [], undecided: [], remediated: [], unansweredFunctions: [] };
const advisoryOnly: CheckReport = { ...clean, violations: [finding({ policy: "bucket-has-tags", enforcementLevel: "advisory" })] };

function entry(source: string, project: string, stack: string, report: CheckReport): AuditStack {
  return { source, project, stack, report: jsonReport(report, { tool, pack: head.pack }) };
}

const failing = entry("exports/a-prod.json", "a", "prod", sampleReport);
const advising = entry("exports/a-dev.json", "a", "dev", advisoryOnly);
const quiet = entry("exports/b-dev.json", "b", "dev", clean);
const unreadable = { source: "exports/bad.json", reason: "not valid JSON (Unexpected token)" };
const report = auditReport(head, [failing, advising, quiet], [unreadable]);

describe("the audit report", () => {
  it("sums the stacks read and counts the failing ones", () => {
    expect(report.totals).toEqual({
      exports: 4,
      stacks: 3,
      unreadable: 1,
      failing: 1,
      resources: 10,
      mandatory: 1,
      advisory: 2,
      waived: 1,
      undecided: 1,
      remediated: 1,
    });
  });

  it("lists, for each policy that reported, the stacks by level, policies sorted", () => {
    expect(report.matrix).toEqual({
      "bucket-has-tags": { mandatory: [], advisory: ["a/prod", "a/dev"], waived: [], undecided: [] },
      "no-inline-versioning": { mandatory: ["a/prod"], advisory: [], waived: [], undecided: [] },
      "topic-kms": { mandatory: [], advisory: [], waived: ["a/prod"], undecided: [] },
      "topic-name": { mandatory: [], advisory: [], waived: [], undecided: ["a/prod"] },
    });
    expect(Object.keys(report.matrix)).toEqual(["bucket-has-tags", "no-inline-versioning", "topic-kms", "topic-name"]);
  });

  it("names a stack once per policy and level, however often the policy reported in it", () => {
    const twice = entry("t.json", "t", "dev", { ...clean, violations: [finding({}), finding({ urn: "urn:pulumi:dev::t::x:y:Z::other" })] });
    expect(auditReport(head, [twice], []).matrix["no-inline-versioning"].mandatory).toEqual(["t/dev"]);
  });

  it("is valid against the audit schema, which rejects a broken one", () => {
    const doc = JSON.parse(auditJson(report)) as Record<string, unknown>;
    expect(auditProblems(doc)).toEqual([]);
    expect(auditProblems({ ...doc, kind: "report" })).toEqual(["/kind must be equal to constant"]);
    expect(auditProblems({ ...doc, stacks: [{ ...failing, report: { ...failing.report, resources: -1 } }] })).toEqual([
      "/stacks/0/report/resources must be >= 0",
    ]);
  });

  it("exits 2 when no export was read, 1 when a stack fails, else 0", () => {
    expect(auditExitCode(report)).toBe(1);
    expect(auditExitCode(auditReport(head, [advising, quiet], [unreadable]))).toBe(0);
    expect(auditExitCode(auditReport(head, [], [unreadable]))).toBe(2);
  });
});

describe("the audit's text", () => {
  const lines = auditText(report).split("\n");

  it("has a row per stack with its counts and export, then the unreadable exports with their reasons", () => {
    expect(lines.slice(0, 5).map((l) => l.split(/ {2,}/))).toEqual([
      ["stack", "resources", "mandatory", "advisory", "waived", "undecided", "export"],
      [expect.stringMatching(/^-+$/), ...Array(6).fill(expect.stringMatching(/^-+$/))],
      ["a/prod", "4", "1", "1", "1", "1", "exports/a-prod.json"],
      ["a/dev", "3", "0", "1", "0", "0", "exports/a-dev.json"],
      ["b/dev", "3", "0", "0", "0", "0", "exports/b-dev.json"],
    ]);
    expect(lines.slice(5, 9)).toEqual(["", "Unreadable exports", "  exports/bad.json: not valid JSON (Unexpected token)", ""]);
  });

  it("has the policy x stacks matrix: how many stacks each policy fails, advises, waives, leaves undecided, and which fail", () => {
    const matrix = lines.slice(lines.indexOf("Unreadable exports") + 3, -3).map((l) => l.split(/ {2,}/));
    expect(matrix[0]).toEqual(["policy", "mandatory", "advisory", "waived", "undecided", "failing stacks"]);
    expect(matrix.slice(2)).toEqual([
      ["bucket-has-tags", "0", "2", "0", "0"],
      ["no-inline-versioning", "1", "0", "0", "0", "a/prod"],
      ["topic-kms", "0", "0", "1", "0"],
      ["topic-name", "0", "0", "0", "1"],
    ]);
  });

  it("ends with the totals line", () => {
    expect(lines.slice(-2)).toEqual([
      "4 exports, 3 stacks read, 1 unreadable, 1 failing; 10 resources, 1 mandatory, 2 advisory, 1 waived, 1 undecided, 1 remediated",
      "",
    ]);
  });

  it("names the first five failing stacks of a policy and counts the rest", () => {
    const many = Array.from({ length: 7 }, (_, i) => entry(`s${i}.json`, "p", `s${i}`, { ...clean, violations: [finding({})] }));
    const text = auditText(auditReport(head, many, []));
    expect(text).toMatch(/^no-inline-versioning +7 +0 +0 +0 +p\/s0, p\/s1, p\/s2, p\/s3, p\/s4 and 2 more$/m);
    expect(text).not.toContain("Unreadable");
  });

  it("has no matrix when no policy reported", () => {
    expect(auditText(auditReport(head, [quiet], []))).not.toMatch(/^policy /m);
  });
});

describe("the audit's SARIF", () => {
  const root = "/repo";
  const log = JSON.parse(auditSarif(report, root)) as { runs: Record<string, unknown>[] };

  it("has one run per stack read, each the run a single check of its export gives, with a category of its own", () => {
    expect(sarifProblems(log)).toEqual([]);
    expect(log.runs.map((r) => r.automationDetails)).toEqual([
      { id: "pipeline-check/a/prod/" },
      { id: "pipeline-check/a/dev/" },
      { id: "pipeline-check/b/dev/" },
    ]);
    const single = JSON.parse(
      toSarif(sampleReport, {
        pack: { ...head.pack, policies },
        root,
        entry: path.join(root, "exports/a-prod.json"),
        state: true,
        locations: new Map(),
        toolVersion: tool.version,
        informationUri: "https://www.pulumi.com/docs/iac/using-pulumi/crossguard/",
      }),
    ) as { runs: Record<string, unknown>[] };
    const { automationDetails, ...run } = log.runs[0];
    expect(automationDetails).toBeDefined();
    expect(run).toEqual(single.runs[0]);
  });

  it("locates a finding with a location (a config check's) at its file again", () => {
    const located = entry("e.json", "c", "dev", {
      ...clean,
      violations: [finding({ configCheck: true, location: { file: path.join(root, "config.json"), line: 3 } })],
    });
    const runs = (JSON.parse(auditSarif(auditReport(head, [located], []), root)) as { runs: { results: unknown[] }[] }).runs;
    expect(runs[0].results[0]).toMatchObject({
      locations: [{ physicalLocation: { artifactLocation: { uri: "config.json", uriBaseId: "SRCROOT" }, region: { startLine: 3 } } }],
    });
  });
});

describe("audit progress", () => {
  const writes = (terminal: boolean, total: number): string => {
    let out = "";
    const progress = auditProgress(terminal, (t) => (out += t));
    for (let done = 1; done <= total; done++) {
      progress({ done, total, unreadable: done > 2 ? 1 : 0, failing: 0 });
    }
    return out;
  };

  it("prints a line every tenth of the exports in a log, at most every 50, and the last one", () => {
    expect([lineEvery(3), lineEvery(40), lineEvery(10_000)]).toEqual([1, 4, 50]);
    expect(writes(false, 12).split("\n")).toEqual([
      "audit: 2/12 exports (0 unreadable, 0 failing)",
      "audit: 4/12 exports (1 unreadable, 0 failing)",
      "audit: 6/12 exports (1 unreadable, 0 failing)",
      "audit: 8/12 exports (1 unreadable, 0 failing)",
      "audit: 10/12 exports (1 unreadable, 0 failing)",
      "audit: 12/12 exports (1 unreadable, 0 failing)",
      "",
    ]);
  });

  it("redraws a bar in place on a terminal and ends its line when done", () => {
    const out = writes(true, 2);
    expect(out).toBe(
      `\r[${"#".repeat(15)}${"-".repeat(15)}] 1/2 exports (0 unreadable, 0 failing)\r[${"#".repeat(30)}] 2/2 exports (0 unreadable, 0 failing)\n`,
    );
  });
});

describe("merging shards", () => {
  const { write } = scratch("pc-merge-unit-");
  const shard = (
    file: string,
    stacks: AuditStack[],
    bad: { source: string; reason: string }[] = [],
    over: Partial<AuditHead> = {},
  ): Shard => ({
    file,
    report: auditReport({ ...head, ...over }, stacks, bad),
  });

  it("lists every shard's stacks and unreadable exports by export path and recomputes totals and matrix", () => {
    const merged = mergeShards([shard("2.json", [quiet, failing]), shard("1.json", [advising], [unreadable])]);
    expect(merged).toEqual(auditReport(head, [advising, failing, quiet], [unreadable]));
  });

  it("refuses a stack in two shards, and an export in two shards", () => {
    const again = { ...quiet, source: "elsewhere/b-dev.json" };
    expect(() => mergeShards([shard("1.json", [quiet]), shard("2.json", [again])])).toThrow(
      new CheckError("merge 2.json: stack b/dev is also in 1.json; each stack belongs to one shard"),
    );
    expect(() => mergeShards([shard("1.json", [], [unreadable]), shard("2.json", [], [unreadable])])).toThrow(
      "merge 2.json: export exports/bad.json is also in 1.json",
    );
  });

  it("refuses shards judged with another kit, pack or policy config", () => {
    const refused = (over: Partial<AuditHead>): string => {
      try {
        mergeShards([shard("1.json", [quiet]), shard("2.json", [advising], [], over)]);
      } catch (e) {
        return (e as Error).message;
      }
      return "merged";
    };
    expect(refused({ tool: { ...tool, version: "1.0.0" } })).toBe(
      "merge 2.json: run with pipeline-check 1.0.0, but 1.json with 9.9.9; audit every shard alike",
    );
    expect(refused({ pack: { name: "p", version: "2.0.0" } })).toBe(
      "merge 2.json: run with policy pack p@2.0.0, but 1.json with p@1.0.0; audit every shard alike",
    );
    expect(refused({ policyConfig: { all: "mandatory" } })).toBe(
      "merge 2.json: run with another effective policy config than 1.json (the pack's defaults with --policy-pack-config applied); audit every shard alike",
    );
    // The same config written in another key order is the same config.
    expect(refused({ policyConfig: { "no-inline-versioning": { properties: {}, enforcementLevel: "mandatory" } } })).toBe("merged");
  });

  it("takes a shard that read no stack (and so ran no pack) whatever its head says", () => {
    const empty = shard("0.json", [], [unreadable], { pack: { name: "", version: "" }, policyConfig: {}, policies: [] });
    expect(mergeShards([empty, shard("1.json", [quiet])])).toEqual(auditReport(head, [quiet], [unreadable]));
  });

  it("reads a shard's file, refusing what is not an audit report in one line naming the file", () => {
    const good = write("good.json", auditJson(report));
    expect(readShard(good).report).toEqual(report);
    const refusal = (name: string, text: string): string => {
      const file = write(name, text);
      try {
        readShard(file);
      } catch (e) {
        expect(e).toBeInstanceOf(CheckError);
        return (e as Error).message.replace(file, name);
      }
      return "read";
    };
    expect(refusal("cut.json", "{")).toMatch(/^merge cut\.json: not valid JSON \(/);
    expect(refusal("single.json", JSON.stringify(jsonReport(clean, { tool, pack: head.pack })))).toBe(
      "merge single.json: not an audit report (expected the --format json output of 'check --state' over several exports, or with --audit)",
    );
    expect(refusal("v2.json", JSON.stringify({ ...report, schemaVersion: 2 }))).toBe(
      "merge v2.json: schemaVersion 2 is not 1, which this kit writes",
    );
    expect(refusal("stacks.json", JSON.stringify({ ...report, stacks: [{ source: 1 }] }))).toMatch(/not an audit report/);
    expect(refusal("empty.json", "")).toMatch(/^merge empty\.json: not valid JSON/);
    expect(() => readShard("/nonexistent/shard.json")).toThrow(new CheckError("merge /nonexistent/shard.json: no such file"));
  });
});
