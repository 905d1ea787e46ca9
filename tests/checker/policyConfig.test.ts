import { CheckError } from "../../checker/errors";
import { parsePolicyConfig, readPolicyConfigFile, reconcilePolicyConfig, type ConfigurablePolicy } from "../../checker/analyze/policyConfig";

const policies: ConfigurablePolicy[] = [
  { name: "a", enforcementLevel: "mandatory" },
  { name: "b", enforcementLevel: "advisory", configSchema: { properties: { limit: { type: "number", default: 3 }, label: { type: "string" } }, required: [] } },
  { name: "c", enforcementLevel: "advisory", configSchema: { properties: { must: { type: "string" } }, required: ["must"] } },
];

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CheckError);
    return (e as Error).message;
  }
  throw new Error("expected a CheckError");
}

describe("policy config file parsing", () => {
  it("reads levels given as strings and objects with properties", () => {
    expect(parsePolicyConfig('{"all": "advisory", "b": {"enforcementLevel": "disabled", "limit": 5}, "c": {"must": "x"}}', "cfg.json")).toEqual({
      all: { enforcementLevel: "advisory", properties: {} },
      b: { enforcementLevel: "disabled", properties: { limit: 5 } },
      c: { enforcementLevel: undefined, properties: { must: "x" } },
    });
  });

  it.each([
    ["{not json", "cfg.json: not valid JSON"],
    ["[]", "cfg.json: expected an object"],
    ['{"a": "strict"}', "cfg.json: field 'a' is \"strict\""],
    ['{"a": {"enforcementLevel": 3}}', "cfg.json: field 'a.enforcementLevel' is 3"],
    ['{"a": 7}', "cfg.json: field 'a' must be"],
  ])("rejects %s naming the file and field", (text, message) => {
    expect(errorOf(() => parsePolicyConfig(text, "cfg.json"))).toContain(message);
  });

  it("names an unreadable file", () => {
    expect(errorOf(() => readPolicyConfigFile("/nonexistent/cfg.json"))).toBe("--policy-pack-config /nonexistent/cfg.json: cannot read the file");
  });
});

describe("policy config reconciliation", () => {
  const withMust = { c: { properties: { must: "m" } } };

  it("starts from policy levels and schema defaults, then initial config, then the user's", () => {
    const result = reconcilePolicyConfig(policies, { b: { enforcementLevel: "mandatory", properties: { label: "init" } } }, { ...withMust, b: { properties: { limit: 9 } } }, "cfg.json");
    expect(result).toEqual({
      a: { enforcementLevel: "mandatory", properties: {} },
      b: { enforcementLevel: "mandatory", properties: { limit: 9, label: "init" } },
      c: { enforcementLevel: "advisory", properties: { must: "m" } },
    });
  });

  it("applies 'all' before per-policy entries of the same layer", () => {
    const result = reconcilePolicyConfig(policies, {}, { ...withMust, all: { enforcementLevel: "disabled", properties: {} }, a: { enforcementLevel: "advisory", properties: {} } }, "cfg.json");
    expect(Object.fromEntries(Object.entries(result).map(([k, v]) => [k, v.enforcementLevel]))).toEqual({ a: "advisory", b: "disabled", c: "disabled" });
  });

  it("rejects a policy name the pack does not have", () => {
    expect(errorOf(() => reconcilePolicyConfig(policies, {}, { nope: { properties: {} } }, "cfg.json"))).toContain("cfg.json: field 'nope' names no policy of this pack");
  });

  it("rejects a value that violates the policy's schema, naming policy and field", () => {
    expect(errorOf(() => reconcilePolicyConfig(policies, {}, { ...withMust, b: { properties: { limit: "many" } } }, "cfg.json"))).toBe(
      "cfg.json: field 'b.limit' must be number; see the policy's config schema",
    );
  });

  it("rejects a missing required property", () => {
    expect(errorOf(() => reconcilePolicyConfig(policies, {}, {}, "cfg.json"))).toContain("cfg.json: field 'c' must have required property 'must'");
  });
});
