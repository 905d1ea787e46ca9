import { parseDocument } from "../../../policies/lib/json";
import { asProps, unknown } from "./sdk-proxy";

const parse = (doc: unknown) => parseDocument(asProps({ doc }), "doc");

describe("parseDocument", () => {
  it("reads an object given as JSON text or as an object", () => {
    expect(parse('{"source":["aws.codecommit"]}')).toEqual({ kind: "known", value: { source: ["aws.codecommit"] } });
    expect(parse({ source: ["aws.codecommit"] })).toEqual({ kind: "known", value: { source: ["aws.codecommit"] } });
  });

  it("calls a missing, null or empty document absent", () => {
    expect(parseDocument(asProps({}), "doc")).toEqual({ kind: "absent" });
    expect(parse(null)).toEqual({ kind: "absent" });
    expect(parse("")).toEqual({ kind: "absent" });
  });

  it("calls an unknown document unknown", () => {
    expect(parse(unknown)).toEqual({ kind: "unknown" });
  });

  it("names the path and the cause of a malformed document", () => {
    const invalid = parse("{source:");
    expect(invalid).toEqual({ kind: "malformed", reason: expect.stringMatching(/^doc is not valid JSON \(.+\)$/) });
    for (const doc of ["[]", "42", '"text"', "null", [1], 7, true]) {
      expect(parse(doc)).toEqual({ kind: "malformed", reason: "doc is not a JSON object" });
    }
  });
});
