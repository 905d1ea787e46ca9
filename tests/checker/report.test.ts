import * as path from "path";
import { toJson } from "../../checker/report/json";
import { summaryLine, toText, useColour } from "../../checker/report/text";
import { SARIF_SCHEMA, toSarif, type SarifContext } from "../../checker/report/sarif";
import { propertyChanges } from "../../checker/report/diff";
import { summaryTable } from "../../checker/report/table";
import type { PackInfo } from "../../checker/types";
import { sampleReport } from "./sampleReport";

describe("JSON format", () => {
  it("holds exactly the report keys, with no timings or pack details", () => {
    const extra = { ...sampleReport, timings: { record: 1, serve: 2, analyze: 3 }, pack: { name: "x" } };
    const parsed = JSON.parse(toJson(extra)) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(["resources", "violations", "waived", "undecided", "remediated", "unansweredFunctions"]);
    expect(parsed.unansweredFunctions).toEqual([{ token: "aws:ec2/getVpc:getVpc", calls: 2 }]);
    expect(parsed.violations).toEqual(sampleReport.violations);
    expect(Object.keys((parsed.violations as object[])[0])).toEqual(["policy", "enforcementLevel", "severity", "resourceType", "resourceName", "urn", "message"]);
  });
});

describe("text format", () => {
  it("groups findings under their resource and ends with the summary line", () => {
    const text = toText(sampleReport, { colour: false });
    expect(text).toBe(
      [
        "artifacts (aws:s3/bucket:Bucket)",
        "  mandatory no-inline-versioning: inline versioning is deprecated",
        "  advisory bucket-has-tags: missing tag owner",
        "  remediated force-destroy-off: forceDestroy true -> false",
        "",
        "alerts (aws:sns/topic:Topic)",
        "  waived topic-kms: dev only",
        "  undecided topic-name: name unknown",
        "",
        "4 resources, 1 mandatory, 1 advisory, 1 waived, 1 undecided, 1 remediated",
        "",
      ].join("\n"),
    );
  });

  it("colours only when asked and only on a TTY without NO_COLOR", () => {
    expect(toText(sampleReport, { colour: true })).toContain("\u001b[31mmandatory\u001b[0m");
    expect(toText(sampleReport, { colour: false })).not.toContain("\u001b[");
    expect(useColour({ isTTY: true }, {})).toBe(true);
    expect(useColour({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(useColour({ isTTY: false }, {})).toBe(false);
  });

  it("summarises an empty report", () => {
    expect(summaryLine({ resources: 0, violations: [], waived: [], undecided: [], remediated: [], unansweredFunctions: [] })).toBe("0 resources, 0 mandatory, 0 advisory, 0 waived, 0 undecided, 0 remediated");
  });
});

describe("SARIF format", () => {
  const root = "/repo";
  const pack: PackInfo = {
    name: "pack",
    version: "1.0.0",
    policies: [
      { name: "no-inline-versioning", description: "No inline versioning.", severity: "high", tags: ["s3"], remediationSteps: "Use BucketVersioning.", url: "" },
      { name: "bucket-has-tags", description: "Tags.", severity: "low", tags: [], remediationSteps: "", url: "https://example.com/tags" },
      { name: "topic-kms", description: "KMS.", severity: "critical", tags: [], remediationSteps: "", url: "" },
      { name: "topic-name", description: "Name.", severity: "", tags: [], remediationSteps: "", url: "" },
      { name: "force-destroy-off", description: "FD.", severity: "medium", tags: [], remediationSteps: "", url: "" },
    ],
  };
  const ctx: SarifContext = {
    pack, root, entry: path.join(root, "stack", "index.ts"),
    locations: new Map([[sampleReport.violations[0].urn, { file: path.join(root, "stack", "bucket.ts"), line: 12 }]]),
    toolVersion: "0.1.0", informationUri: "https://example.com",
  };
  type Log = { $schema: string; version: string; runs: { tool: { driver: { name: string; version: string; informationUri: string; rules: Record<string, unknown>[] } }; results: Record<string, unknown>[] }[] };
  const log = JSON.parse(toSarif(sampleReport, ctx)) as Log;

  it("is one SARIF 2.1.0 run with a rule per policy carrying security-severity", () => {
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const { driver } = log.runs[0].tool;
    expect([driver.name, driver.version, driver.informationUri]).toEqual(["pipeline-check", "0.1.0", "https://example.com"]);
    expect(driver.rules.map((r) => r.id)).toEqual(pack.policies.map((p) => p.name));
    expect(driver.rules.map((r) => (r.properties as Record<string, unknown>)["security-severity"])).toEqual(["8.0", "3.0", "9.5", undefined, "5.5"]);
    expect(driver.rules[0]).toMatchObject({ shortDescription: { text: "No inline versioning." }, fullDescription: { text: "No inline versioning." }, help: { text: "Use BucketVersioning." }, properties: { tags: ["s3"] } });
    expect(driver.rules[1].helpUri).toBe("https://example.com/tags");
  });

  it("maps levels, locations relative to the root, and the entry file as fallback", () => {
    const results = log.runs[0].results;
    expect(results.map((r) => [r.ruleId, r.level])).toEqual([
      ["no-inline-versioning", "error"], ["bucket-has-tags", "warning"], ["topic-kms", "note"], ["topic-name", "note"],
    ]);
    expect(results[0].locations).toEqual([{ physicalLocation: { artifactLocation: { uri: "stack/bucket.ts" }, region: { startLine: 12 } } }]);
    expect(results[2].locations).toEqual([{ physicalLocation: { artifactLocation: { uri: "stack/index.ts" }, region: { startLine: 1 } } }]);
  });

  it("has every structural element code scanning requires, and fingerprints stable per policy and URN", () => {
    for (const r of log.runs[0].results) {
      expect(typeof (r.message as { text: unknown }).text).toBe("string");
      expect(log.runs[0].tool.driver.rules.some((rule) => rule.id === r.ruleId)).toBe(true);
      expect((r.partialFingerprints as Record<string, string>)["policyUrn/v1"]).toMatch(/^[0-9a-f]{64}$/);
    }
    const again = JSON.parse(toSarif(sampleReport, ctx)) as Log;
    expect(again.runs[0].results.map((r) => r.partialFingerprints)).toEqual(log.runs[0].results.map((r) => r.partialFingerprints));
    const prints = log.runs[0].results.map((r) => JSON.stringify(r.partialFingerprints));
    expect(new Set(prints).size).toBe(prints.length);
  });
});

describe("remediation diffs", () => {
  it("lists changed leaves with paths, including added and removed keys", () => {
    expect(propertyChanges(
      { a: 1, b: { c: [1, 2], d: "x" }, gone: true, same: [1] },
      { a: 1, b: { c: [1, 3], d: "y" }, added: "n", same: [1] },
    )).toEqual([
      { path: "added", before: undefined, after: "n" },
      { path: "b.c[1]", before: 2, after: 3 },
      { path: "b.d", before: "x", after: "y" },
      { path: "gone", before: true, after: undefined },
    ]);
  });

  it("reports a resized list as one change", () => {
    expect(propertyChanges({ l: [1] }, { l: [1, 2] })).toEqual([{ path: "l", before: [1], after: [1, 2] }]);
  });
});

describe("npm start summary table", () => {
  it("aligns columns under a header", () => {
    const table = summaryTable([
      { target: "reference stack", resources: 60, mandatory: 0, advisory: 0, waived: 1, undecided: 0, remediated: 0, expected: "clean", exit: 0 },
      { target: "fixtures/x", resources: 5, mandatory: 1, advisory: 2, waived: 0, undecided: 0, remediated: 0, expected: "match", exit: 1 },
    ]);
    const lines = table.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^target\s+resources\s+mandatory\s+advisory\s+waived\s+undecided\s+remediated\s+expected\s+exit$/);
    expect(lines[2]).toMatch(/^reference stack\s+60\s+0\s+0\s+1\s+0\s+0\s+clean\s+0$/);
    expect(lines[3]).toMatch(/^fixtures\/x\s+5\s+1\s+2\s+0\s+0\s+0\s+match\s+1$/);
  });
});
