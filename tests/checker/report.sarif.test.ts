// The SARIF report: rules, levels, locations, suppressions and fingerprints, checked against SARIF 2.1.0.
import * as path from "path";
import { FINGERPRINT, SARIF_SCHEMA, findingSubject, toSarif, waiverJustification, type SarifContext } from "../../checker/report/sarif";
import type { PackInfo } from "../../checker/types";
import { finding, sampleReport } from "./sampleReport";
import { sarifProblems } from "./sarifSchema";

describe("SARIF format", () => {
  const root = "/repo";
  const pack: PackInfo = {
    name: "pack",
    version: "1.0.0",
    policies: [
      {
        name: "no-inline-versioning",
        description: "No inline versioning.",
        severity: "high",
        tags: ["s3"],
        remediationSteps: "Use BucketVersioning.",
        url: "",
      },
      { name: "bucket-has-tags", description: "Tags.", severity: "low", tags: [], remediationSteps: "", url: "https://example.com/tags" },
      { name: "topic-kms", description: "KMS.", severity: "critical", tags: [], remediationSteps: "", url: "" },
      { name: "topic-name", description: "Name.", severity: "", tags: [], remediationSteps: "", url: "" },
      { name: "force-destroy-off", description: "FD.", severity: "medium", tags: [], remediationSteps: "", url: "" },
    ],
  };
  const ctx: SarifContext = {
    pack,
    root,
    entry: path.join(root, "stack", "index.ts"),
    locations: new Map([[sampleReport.violations[0].urn, { file: path.join(root, "stack", "bucket.ts"), line: 12 }]]),
    toolVersion: "0.1.0",
    informationUri: "https://example.com",
  };
  type Log = {
    $schema: string;
    version: string;
    runs: {
      tool: { driver: { name: string; version: string; informationUri: string; rules: Record<string, unknown>[] } };
      results: Record<string, unknown>[];
    }[];
  };
  const log = JSON.parse(toSarif(sampleReport, ctx)) as Log;

  it("is one SARIF 2.1.0 run with a rule per policy carrying security-severity", () => {
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const { driver } = log.runs[0].tool;
    expect([driver.name, driver.version, driver.informationUri]).toEqual(["pipeline-check", "0.1.0", "https://example.com"]);
    expect(driver.rules.map((r) => r.id)).toEqual(pack.policies.map((p) => p.name));
    expect(driver.rules.map((r) => (r.properties as Record<string, unknown>)["security-severity"])).toEqual([
      "8.0",
      "3.0",
      "9.5",
      undefined,
      "5.5",
    ]);
    expect(driver.rules[0]).toMatchObject({
      shortDescription: { text: "No inline versioning." },
      fullDescription: { text: "No inline versioning." },
      help: { text: "Use BucketVersioning." },
      properties: { tags: ["s3"] },
    });
    expect(driver.rules[1].helpUri).toBe("https://example.com/tags");
  });

  it("is valid against the SARIF 2.1.0 schema", () => {
    expect(sarifProblems(log)).toEqual([]);
    // The validator can fail: a level SARIF does not know is reported.
    expect(sarifProblems({ ...log, runs: [{ ...log.runs[0], results: [{ ...log.runs[0].results[0], level: "fatal" }] }] })).toEqual([
      "/runs/0/results/0/level must be equal to one of the allowed values",
    ]);
  });

  it("maps levels, locations relative to SRCROOT, and the entry file as fallback", () => {
    const results = log.runs[0].results;
    expect(results.map((r) => [r.ruleId, r.level])).toEqual([
      ["no-inline-versioning", "error"],
      ["bucket-has-tags", "warning"],
      ["topic-kms", "note"],
      ["topic-name", "note"],
    ]);
    expect((log.runs[0] as Record<string, unknown>).originalUriBaseIds).toEqual({ SRCROOT: { uri: "file:///repo/" } });
    expect(results[0].locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: "stack/bucket.ts", uriBaseId: "SRCROOT" }, region: { startLine: 12 } } },
    ]);
    expect(results[2].locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: "stack/index.ts", uriBaseId: "SRCROOT" }, region: { startLine: 1 } } },
    ]);
  });

  it("gives a program outside the repository an absolute URI, never a ../ path", () => {
    const outside = JSON.parse(toSarif(sampleReport, { ...ctx, entry: "/elsewhere/x/index.ts", locations: new Map() })) as Log;
    expect(outside.runs[0].results[0].locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: "file:///elsewhere/x/index.ts" }, region: { startLine: 1 } } },
    ]);
    expect(sarifProblems(outside)).toEqual([]);
  });

  it("locates a stack export's findings at the export file, without a line", () => {
    const state = JSON.parse(
      toSarif(sampleReport, { ...ctx, entry: path.join(root, "exported.json"), locations: new Map(), state: true }),
    ) as Log;
    for (const r of state.runs[0].results) {
      expect(r.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: "exported.json", uriBaseId: "SRCROOT" } } }]);
    }
    expect(sarifProblems(state)).toEqual([]);
  });

  it("suppresses waived findings with the waiver's reason and expiry, and only those", () => {
    const waived = finding({
      policy: "topic-kms",
      enforcementLevel: "advisory",
      message: "[waived] messages are not encrypted at rest (waived until 2027-01-31 by tag compliance:waive:topic-kms: dev only)",
    });
    const sarif = JSON.parse(toSarif({ ...sampleReport, waived: [waived] }, ctx)) as Log;
    const results = sarif.runs[0].results;
    expect(results.filter((r) => r.suppressions)).toEqual([expect.objectContaining({ ruleId: "topic-kms" })]);
    expect(results.find((r) => r.ruleId === "topic-kms")?.suppressions).toEqual([
      { kind: "external", status: "accepted", justification: "dev only (until 2027-01-31, tag compliance:waive:topic-kms)" },
    ]);
    expect(sarifProblems(sarif)).toEqual([]);
    expect(waiverJustification("[waived] no waiver details")).toBe("no waiver details");
  });

  it("has every structural element code scanning requires, and fingerprints stable across runs", () => {
    for (const r of log.runs[0].results) {
      expect(typeof (r.message as { text: unknown }).text).toBe("string");
      expect(log.runs[0].tool.driver.rules.some((rule) => rule.id === r.ruleId)).toBe(true);
      expect((r.partialFingerprints as Record<string, string>)[FINGERPRINT]).toMatch(/^[0-9a-f]{64}$/);
    }
    const again = JSON.parse(toSarif(sampleReport, ctx)) as Log;
    expect(again.runs[0].results.map((r) => r.partialFingerprints)).toEqual(log.runs[0].results.map((r) => r.partialFingerprints));
  });

  describe("fingerprints of several findings of one policy on one resource", () => {
    const prints = (messages: string[]): string[] => {
      const report = { ...sampleReport, violations: messages.map((message) => finding({ message })), waived: [], undecided: [] };
      return (JSON.parse(toSarif(report, ctx)) as Log).runs[0].results.map(
        (r) => (r.partialFingerprints as Record<string, string>)[FINGERPRINT],
      );
    };
    const deploy = [
      'stage "Deploy" action "Deploy" ClusterName "prod-cluster" names no ECS cluster in this stack: pass the cluster\'s name output',
      'stage "Deploy" action "Deploy" ServiceName "web" names no ECS service in this stack: pass the service\'s name output',
    ];
    const inline = ["versioning", "serverSideEncryptionConfiguration", "lifecycleRules"].map(
      (f) => `the inline input ${f} is deprecated: remove it and use aws.s3.Bucket${f}`,
    );

    it("are distinct: cluster and service of one deploy action, three inline S3 blocks, even identical messages", () => {
      for (const messages of [deploy, inline, ["same words", "same words"]]) {
        const p = prints(messages);
        expect(new Set(p).size).toBe(messages.length);
      }
    });

    it("rest on what was found, not on the advice's wording", () => {
      const reworded = deploy.map((m) => m.replace(/: pass .*$/, ": use the name output of a resource of this stack"));
      expect(prints(reworded)).toEqual(prints(deploy));
      expect(findingSubject(deploy[0])).toBe('"Deploy" "Deploy" ClusterName "prod-cluster"');
      expect(findingSubject("[undecided] logsConfig is unknown")).toBe("logsConfig");
      expect(findingSubject("the cluster's name is not the service's name. See aws.ecs.Service and tasks[0].")).toBe(
        "aws.ecs.Service tasks[0]",
      );
    });
  });
});
