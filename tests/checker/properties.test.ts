import { OUTPUT_SIG, RESOURCE_SIG, SECRET_SIG, SIG_KEY, UNKNOWN, engineProperties } from "../../checker/record/properties";
import { durationSeconds } from "../../checker/record/duration";

describe("engine marshalling of registration properties", () => {
  it("turns a custom resource reference into its id and a component reference into its URN", () => {
    const props = engineProperties({
      bucket: { [SIG_KEY]: RESOURCE_SIG, urn: "urn:pulumi:s::p::aws:s3/bucket:Bucket::b", id: UNKNOWN },
      parentComp: { [SIG_KEY]: RESOURCE_SIG, urn: "urn:pulumi:s::p::my:C::c" },
      nested: [{ ref: { [SIG_KEY]: RESOURCE_SIG, urn: "urn:x", id: "bucket-123" } }],
    });
    expect(props).toEqual({ bucket: UNKNOWN, parentComp: "urn:pulumi:s::p::my:C::c", nested: [{ ref: "bucket-123" }] });
  });

  it("keeps secrets as secrets and downgrades output values to plain, unknown or secret values", () => {
    const props = engineProperties({
      token: { [SIG_KEY]: SECRET_SIG, value: "abc" },
      known: { [SIG_KEY]: OUTPUT_SIG, value: "x", dependencies: [] },
      pending: { [SIG_KEY]: OUTPUT_SIG },
      hidden: { [SIG_KEY]: OUTPUT_SIG, value: "y", secret: true },
    });
    expect(props).toEqual({
      token: { [SIG_KEY]: SECRET_SIG, value: "abc" },
      known: "x",
      pending: UNKNOWN,
      hidden: { [SIG_KEY]: SECRET_SIG, value: "y" },
    });
  });

  it("leaves assets and archives untouched", () => {
    const asset = { [SIG_KEY]: "c44067f5952c0a294b673a41bacd8c17", text: "hi" };
    expect(engineProperties({ asset })).toEqual({ asset });
  });
});

describe("custom timeout durations", () => {
  it.each([
    ["5m", 300],
    ["1h30m", 5400],
    ["1.5s", 1.5],
    ["250ms", 0.25],
    ["", 0],
    ["soon", 0],
  ])("%s is %d seconds", (text, seconds) => {
    expect(durationSeconds(text)).toBeCloseTo(seconds);
  });
});
