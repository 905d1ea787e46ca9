import { makeUrn, parseUrn, rootStackUrn } from "../../checker/urn";

describe("URNs", () => {
  it("parses type and name, keeping '::' inside the name and dropping parent types", () => {
    expect(parseUrn("urn:pulumi:dev::proj::my:comp:Thing$aws:s3/bucket:Bucket::a::b")).toEqual({
      stack: "dev",
      project: "proj",
      type: "aws:s3/bucket:Bucket",
      name: "a::b",
    });
  });

  it("rejects strings that are not URNs", () => {
    expect(parseUrn("arn:aws:s3:::bucket")).toBeUndefined();
    expect(parseUrn("urn:pulumi:dev::proj")).toBeUndefined();
  });

  it("qualifies a child's type with its parent's, except under the root stack", () => {
    const stack = rootStackUrn("dev", "proj");
    expect(stack).toBe("urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev");
    const comp = makeUrn("dev", "proj", "my:comp:Thing", "c", stack);
    expect(comp).toBe("urn:pulumi:dev::proj::my:comp:Thing::c");
    expect(makeUrn("dev", "proj", "aws:s3/bucket:Bucket", "b", comp)).toBe("urn:pulumi:dev::proj::my:comp:Thing$aws:s3/bucket:Bucket::b");
  });
});
