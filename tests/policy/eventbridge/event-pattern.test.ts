import { arnResourceName, parseEventPattern, patternValues } from "../../../policies/eventbridge/event-pattern";
import { asProps, unknown } from "../lib/sdk-proxy";

describe("parseEventPattern", () => {
  it("parses JSON strings and objects to the same pattern", () => {
    const pattern = { source: ["aws.codecommit"], detail: { repositoryName: ["app"] } };
    expect(parseEventPattern(asProps({ eventPattern: JSON.stringify(pattern) }))).toEqual({ kind: "known", value: pattern });
    const fromObject = parseEventPattern(asProps({ eventPattern: pattern }));
    expect(fromObject.kind).toBe("known");
  });

  it("tells absent, unknown and malformed apart", () => {
    expect(parseEventPattern(asProps({}))).toEqual({ kind: "absent" });
    expect(parseEventPattern(asProps({ eventPattern: unknown }))).toEqual({ kind: "unknown" });
    expect(parseEventPattern(asProps({ eventPattern: "{oops" }))).toEqual({
      kind: "malformed",
      reason: expect.stringContaining("not valid JSON"),
    });
    expect(parseEventPattern(asProps({ eventPattern: "null" }))).toEqual({
      kind: "malformed",
      reason: "eventPattern is not a JSON object",
    });
    expect(parseEventPattern(asProps({ eventPattern: 5 }))).toEqual({ kind: "malformed", reason: "eventPattern is not a JSON object" });
  });
});

describe("patternValues", () => {
  it("reads literal values, flags content filters and unknowns", () => {
    const pattern = asProps({ source: ["aws.codecommit", { prefix: "aws." }, unknown], single: "x", whole: unknown });
    expect(patternValues(pattern, "source")).toEqual({ values: ["aws.codecommit"], unknown: true, filters: true });
    expect(patternValues(pattern, "single")).toEqual({ values: ["x"], unknown: false, filters: false });
    expect(patternValues(pattern, "whole")).toEqual({ values: [], unknown: true, filters: false });
    expect(patternValues(pattern, "missing")).toEqual({ values: [], unknown: false, filters: false });
  });

  it("takes the resource name from an ARN", () => {
    expect(arnResourceName("arn:aws:codecommit:us-east-1:111111111111:app-repo")).toBe("app-repo");
    expect(arnResourceName("app-repo")).toBe("app-repo");
  });
});
