import { actualLists, compareFindings, formatDifferences, parseExpected, renderExpected, type FindingLists } from "../../checker/fixtures";
import { CheckError } from "../../checker/errors";
import { sampleReport } from "./sampleReport";

const empty: FindingLists = { violations: [], waived: [], undecided: [], remediated: [], secondLook: [] };

describe("fixture comparison", () => {
  const actual = actualLists(sampleReport);

  it("reduces a report to sorted policy/resource pairs per kind", () => {
    expect(actual).toEqual({
      violations: [
        { policy: "bucket-has-tags", resourceName: "artifacts" },
        { policy: "no-inline-versioning", resourceName: "artifacts" },
      ],
      waived: [{ policy: "topic-kms", resourceName: "alerts" }],
      undecided: [{ policy: "topic-name", resourceName: "alerts" }],
      remediated: [{ policy: "force-destroy-off", resourceName: "artifacts" }],
      secondLook: [],
    });
  });

  it("keeps second-look violations in a list of their own, written only when not empty", () => {
    const second = {
      ...sampleReport.violations[0],
      policy: "codepipeline-no-github-v1-source",
      resourceName: "pipeline",
      secondLook: true as const,
    };
    const lists = actualLists({ ...sampleReport, violations: [...sampleReport.violations, second] });
    expect(lists.violations).toEqual(actual.violations);
    expect(lists.secondLook).toEqual([{ policy: "codepipeline-no-github-v1-source", resourceName: "pipeline" }]);
    const text = renderExpected("shows y", lists);
    expect(JSON.parse(text)).toHaveProperty("secondLook");
    expect(parseExpected(text, "e.json")).toEqual({ description: "shows y", ...lists });
    expect(JSON.parse(renderExpected("shows x", actual))).not.toHaveProperty("secondLook");
    expect(compareFindings({ ...lists, secondLook: [] }, lists)).toEqual([
      { kind: "secondLook", change: "unexpected", finding: { policy: "codepipeline-no-github-v1-source", resourceName: "pipeline" } },
    ]);
    expect(() => parseExpected(JSON.stringify({ description: "d", ...empty, secondLook: {} }), "e.json")).toThrow(
      "e.json: field 'secondLook' must be a list",
    );
  });

  it("matches when lists agree regardless of order", () => {
    expect(compareFindings({ ...actual, violations: [...actual.violations].reverse() }, actual)).toEqual([]);
  });

  it("reports missing and unexpected findings, counting duplicates", () => {
    const expected: FindingLists = {
      ...actual,
      violations: [actual.violations[1], actual.violations[1]],
      waived: [],
    };
    const differences = compareFindings(expected, actual);
    expect(differences).toEqual([
      { kind: "violations", change: "missing", finding: { policy: "no-inline-versioning", resourceName: "artifacts" } },
      { kind: "violations", change: "unexpected", finding: { policy: "bucket-has-tags", resourceName: "artifacts" } },
      { kind: "waived", change: "unexpected", finding: { policy: "topic-kms", resourceName: "alerts" } },
    ]);
    expect(formatDifferences("fx", differences)).toBe(
      [
        "fx: differs from expected.json (- expected but not reported, + reported but not expected)",
        "  - violations: no-inline-versioning on artifacts (missing)",
        "  + violations: bucket-has-tags on artifacts (unexpected)",
        "  + waived: topic-kms on alerts (unexpected)",
      ].join("\n"),
    );
    expect(formatDifferences("fx", [])).toBe("fx: matches expected.json");
  });

  it("round-trips expected.json and rejects malformed ones naming the field", () => {
    const text = renderExpected("shows x", actual);
    expect(parseExpected(text, "e.json")).toEqual({ description: "shows x", ...actual });
    expect(() => parseExpected(JSON.stringify({ ...empty }), "e.json")).toThrow(
      new CheckError("e.json: field 'description' must be a string saying what the fixture shows"),
    );
    expect(() => parseExpected(JSON.stringify({ description: "d", ...empty, waived: [{ policy: "p" }] }), "e.json")).toThrow(
      "e.json: field 'waived' must be a list",
    );
    expect(() => parseExpected("{", "e.json")).toThrow("e.json: not valid JSON");
  });
});
