import * as path from "path";
import { toJson, type JsonContext } from "../../checker/report/json";
import { summaryLine, toText, useColour } from "../../checker/report/text";
import { FINGERPRINT, SARIF_SCHEMA, findingSubject, toSarif, waiverJustification, type SarifContext } from "../../checker/report/sarif";
import { propertyChanges } from "../../checker/report/diff";
import { summaryTable } from "../../checker/report/table";
import type { PackInfo } from "../../checker/types";
import { finding, sampleReport } from "./sampleReport";
import { sarifProblems } from "./sarifSchema";
import { parseReport, reportProblems } from "./reportSchema";

describe("JSON format", () => {
  const ctx: JsonContext = {
    tool: { name: "pipeline-check", version: "0.1.0" },
    pack: { name: "pack", version: "1.2.3" },
    root: "/repo",
    locations: new Map([[sampleReport.violations[0].urn, { file: "/repo/stack/bucket.ts", line: 12 }]]),
  };

  it("holds the versioned contract keys, with no timings", () => {
    const extra = { ...sampleReport, timings: { record: 1, serve: 2, analyze: 3 } };
    const parsed = parseReport(toJson(extra, ctx));
    expect(Object.keys(parsed)).toEqual([
      "schemaVersion",
      "tool",
      "pack",
      "resources",
      "violations",
      "waived",
      "undecided",
      "remediated",
      "unansweredFunctions",
    ]);
    expect([parsed.schemaVersion, parsed.tool, parsed.pack]).toEqual([
      1,
      { name: "pipeline-check", version: "0.1.0" },
      { name: "pack", version: "1.2.3" },
    ]);
    expect(parsed.unansweredFunctions).toEqual([{ token: "aws:ec2/getVpc:getVpc", calls: 2 }]);
    expect(Object.keys((parsed.violations as object[])[0])).toEqual([
      "policy",
      "enforcementLevel",
      "severity",
      "resourceType",
      "resourceName",
      "urn",
      "message",
      "location",
    ]);
  });

  it("gives each finding its source location when known, relative to the root", () => {
    const parsed = parseReport<{ violations: { location?: unknown }[]; remediated: { location?: unknown }[] }>(toJson(sampleReport, ctx));
    expect(parsed.violations.map((v) => v.location)).toEqual([
      { file: "stack/bucket.ts", line: 12 },
      { file: "stack/bucket.ts", line: 12 },
    ]);
    expect(parsed.remediated[0].location).toEqual({ file: "stack/bucket.ts", line: 12 });
    const outside = parseReport<{ violations: { location?: unknown }[] }>(toJson(sampleReport, { ...ctx, root: "/other" }));
    expect(outside.violations[0].location).toEqual({ file: "/repo/stack/bucket.ts", line: 12 });
    expect(parseReport<{ waived: object[] }>(toJson(sampleReport, ctx)).waived[0]).not.toHaveProperty("location");
  });

  it("always carries before and after in a remediation's change, null for an added or removed property", () => {
    const report = {
      ...sampleReport,
      remediated: [
        {
          ...sampleReport.remediated[0],
          changes: [
            { path: "gone", before: true, after: undefined },
            { path: "added", before: undefined, after: "x" },
          ],
        },
      ],
    };
    const parsed = parseReport<{ remediated: { changes: unknown[] }[] }>(toJson(report, ctx));
    expect(parsed.remediated[0].changes).toEqual([
      { path: "gone", before: true, after: null },
      { path: "added", before: null, after: "x" },
    ]);
  });

  it("is checked against the published schema, which rejects a broken report", () => {
    const parsed = parseReport(toJson(sampleReport, ctx));
    expect(reportProblems({ ...parsed, schemaVersion: 2 })).toEqual(["/schemaVersion must be equal to constant"]);
    expect(reportProblems({ ...parsed, timings: {} })).toEqual(["/ must NOT have additional properties"]);
    const { changes } = (parsed.remediated as { changes: object[] }[])[0];
    const withoutAfter = {
      ...parsed,
      remediated: [{ ...(parsed.remediated as object[])[0], changes: [{ path: (changes[0] as { path: string }).path, before: 1 }] }],
    };
    expect(reportProblems(withoutAfter)).toEqual(["/remediated/0/changes/0 must have required property 'after'"]);
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

  const bucketFile = { file: "/repo/stack/bucket.ts", line: 12 };
  const policy = (name: string, url: string): PackInfo["policies"][number] => ({
    name,
    description: "",
    severity: "",
    tags: [],
    remediationSteps: "",
    url,
  });
  const textPack: PackInfo = {
    name: "pack",
    version: "1.0.0",
    policies: [
      policy("topic-name", "https://example.com/name"),
      policy("no-inline-versioning", "https://example.com/versioning"),
      policy("bucket-has-tags", ""),
      policy("force-destroy-off", "https://example.com/destroy"),
      policy("unreported", "https://example.com/unreported"),
    ],
  };

  it("names where a finding's resource is declared, relative to the root, and nothing where that is unknown", () => {
    const text = toText(sampleReport, { colour: false, root: "/repo", locations: new Map([[sampleReport.violations[0].urn, bucketFile]]) });
    expect(text.split("\n").slice(0, 9)).toEqual([
      "artifacts (aws:s3/bucket:Bucket)",
      "  mandatory no-inline-versioning (stack/bucket.ts:12): inline versioning is deprecated",
      "  advisory bucket-has-tags (stack/bucket.ts:12): missing tag owner",
      "  remediated force-destroy-off (stack/bucket.ts:12): forceDestroy true -> false",
      "",
      "alerts (aws:sns/topic:Topic)",
      "  waived topic-kms: dev only",
      "  undecided topic-name: name unknown",
      "",
    ]);
    const outside = toText(sampleReport, {
      colour: false,
      root: "/elsewhere",
      locations: new Map([[sampleReport.violations[0].urn, { file: "/repo/stack/bucket.ts", line: 0 }]]),
    });
    expect(outside).toContain("  mandatory no-inline-versioning (/repo/stack/bucket.ts:1): inline versioning is deprecated\n");
  });

  it("marks a second-look finding's declaration like any other", () => {
    const second = finding({
      policy: "codepipeline-no-github-v1-source",
      message: "[second look: assumed outputs of github] uses GitHub version 1",
      secondLook: true,
    });
    const text = toText(
      { ...sampleReport, violations: [second], waived: [], undecided: [], remediated: [] },
      { colour: false, root: "/repo", locations: new Map([[second.urn, bucketFile]]) },
    );
    expect(text).toContain(
      "  mandatory codepipeline-no-github-v1-source (stack/bucket.ts:12): [second look: assumed outputs of github] uses GitHub version 1\n",
    );
  });

  it("ends with each reporting policy's help URL once, before the summary line", () => {
    const twice = { ...sampleReport, violations: [...sampleReport.violations, finding({ message: "inline versioning again" })] };
    const text = toText(twice, { colour: false, pack: textPack });
    expect(text.split("\n").slice(-7)).toEqual([
      "Help",
      "  force-destroy-off: https://example.com/destroy",
      "  no-inline-versioning: https://example.com/versioning",
      "  topic-name: https://example.com/name",
      "",
      "4 resources, 2 mandatory, 1 advisory, 1 waived, 1 undecided, 1 remediated",
      "",
    ]);
    expect(toText(twice, { colour: true, pack: textPack })).toContain("\u001b[1mHelp\u001b[0m\n");
  });

  it("has no help section when no reporting policy has a URL", () => {
    const noUrls = toText(sampleReport, {
      colour: false,
      pack: { ...textPack, policies: textPack.policies.map((p) => ({ ...p, url: "" })) },
    });
    expect(noUrls).toBe(toText(sampleReport, { colour: false }));
    expect(noUrls).not.toContain("Help");
  });

  it("colours only when asked and only on a TTY without NO_COLOR", () => {
    expect(toText(sampleReport, { colour: true })).toContain("\u001b[31mmandatory\u001b[0m");
    expect(toText(sampleReport, { colour: false })).not.toContain("\u001b[");
    expect(useColour({ isTTY: true }, {})).toBe(true);
    expect(useColour({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(useColour({ isTTY: false }, {})).toBe(false);
  });

  it("summarises an empty report", () => {
    expect(summaryLine({ resources: 0, violations: [], waived: [], undecided: [], remediated: [], unansweredFunctions: [] })).toBe(
      "0 resources, 0 mandatory, 0 advisory, 0 waived, 0 undecided, 0 remediated",
    );
  });
});

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

describe("remediation diffs", () => {
  it("lists changed leaves with paths, including added and removed keys", () => {
    expect(
      propertyChanges({ a: 1, b: { c: [1, 2], d: "x" }, gone: true, same: [1] }, { a: 1, b: { c: [1, 3], d: "y" }, added: "n", same: [1] }),
    ).toEqual([
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
      {
        target: "reference stack",
        resources: 60,
        mandatory: 0,
        advisory: 0,
        waived: 1,
        undecided: 0,
        remediated: 0,
        expected: "clean",
        exit: 0,
      },
      { target: "fixtures/x", resources: 5, mandatory: 1, advisory: 2, waived: 0, undecided: 0, remediated: 0, expected: "match", exit: 1 },
    ]);
    const lines = table.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^target\s+resources\s+mandatory\s+advisory\s+waived\s+undecided\s+remediated\s+expected\s+exit$/);
    expect(lines[2]).toMatch(/^reference stack\s+60\s+0\s+0\s+1\s+0\s+0\s+clean\s+0$/);
    expect(lines[3]).toMatch(/^fixtures\/x\s+5\s+1\s+2\s+0\s+0\s+0\s+match\s+1$/);
  });
});
