// The text report and the other human-readable output: remediation diffs and the `npm start` summary table.
import { propertyChanges } from "../../checker/report/diff";
import { summaryTable } from "../../checker/report/table";
import { summaryLine, toText, useColour } from "../../checker/report/text";
import type { PackInfo } from "../../checker/types";
import { finding, sampleReport } from "./sampleReport";

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
