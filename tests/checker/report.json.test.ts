// The JSON report: its versioned keys, source locations, remediation changes, and the published schema.
import { toJson, type JsonContext } from "../../checker/report/json";
import { sampleReport } from "./sampleReport";
import { parseReport, REPORT_KEYS, reportProblems } from "./reportSchema";

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
    expect(Object.keys(parsed)).toEqual(REPORT_KEYS);
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
