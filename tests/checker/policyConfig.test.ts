import { CheckError } from "../../checker/errors";
import {
  parsePolicyConfig,
  readPolicyConfigFile,
  reconcilePolicyConfig,
  type ConfigurablePolicy,
} from "../../checker/analyze/policyConfig";

const policies: ConfigurablePolicy[] = [
  { name: "a", enforcementLevel: "mandatory" },
  {
    name: "b",
    enforcementLevel: "advisory",
    configSchema: { properties: { limit: { type: "number", default: 3 }, label: { type: "string" } }, required: [] },
  },
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
    expect(
      parsePolicyConfig('{"all": "advisory", "b": {"enforcementLevel": "disabled", "limit": 5}, "c": {"must": "x"}}', "cfg.json"),
    ).toEqual({
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

  it("reads an empty or blank file as no config, as the engine does", () => {
    expect(parsePolicyConfig("", "cfg.json")).toEqual({});
    expect(parsePolicyConfig(" \n\t", "cfg.json")).toEqual({});
  });

  it("does not take an ESC 'environments' key for a policy", () => {
    expect(parsePolicyConfig('{"environments": ["org/policy-env"], "a": "advisory"}', "cfg.json")).toEqual({
      a: { enforcementLevel: "advisory", properties: {} },
    });
    expect(parsePolicyConfig('{"environments": {"x": 1}}', "cfg.json")).toEqual({});
  });

  it("drops an entry with neither a level nor settings, as the engine does", () => {
    expect(parsePolicyConfig('{"a": {}, "b": {"limit": 1}}', "cfg.json")).toEqual({
      b: { enforcementLevel: undefined, properties: { limit: 1 } },
    });
  });

  it("reports every malformed entry at once, sorted", () => {
    expect(errorOf(() => parsePolicyConfig('{"z": 7, "a": "strict", "m": {"enforcementLevel": true}}', "cfg.json"))).toBe(
      "cfg.json: 3 problems: field 'a' is \"strict\"; use one of advisory, mandatory, remediate, disabled; " +
        "field 'm.enforcementLevel' is true; use one of advisory, mandatory, remediate, disabled; field 'z' must be an enforcement level string or an object",
    );
  });

  it("names an unreadable file", () => {
    expect(errorOf(() => readPolicyConfigFile("/nonexistent/cfg.json"))).toBe("--policy-pack-config /nonexistent/cfg.json: no such file");
  });
});

describe("policy config reconciliation", () => {
  const withMust = { c: { properties: { must: "m" } } };

  it("starts from policy levels and schema defaults, then initial config, then the user's", () => {
    const result = reconcilePolicyConfig(
      policies,
      { b: { enforcementLevel: "mandatory", properties: { label: "init" } } },
      { ...withMust, b: { properties: { limit: 9 } } },
      "cfg.json",
    ).config;
    expect(result).toEqual({
      a: { enforcementLevel: "mandatory", properties: {} },
      b: { enforcementLevel: "mandatory", properties: { limit: 9, label: "init" } },
      c: { enforcementLevel: "advisory", properties: { must: "m" } },
    });
  });

  it("applies 'all' before per-policy entries of the same layer", () => {
    const result = reconcilePolicyConfig(
      policies,
      {},
      { ...withMust, all: { enforcementLevel: "disabled", properties: {} }, a: { enforcementLevel: "advisory", properties: {} } },
      "cfg.json",
    ).config;
    expect(Object.fromEntries(Object.entries(result).map(([k, v]) => [k, v.enforcementLevel]))).toEqual({
      a: "advisory",
      b: "disabled",
      c: "disabled",
    });
  });

  it("passes on a policy name the pack does not have, and names it, as the engine does", () => {
    const { config, unknown } = reconcilePolicyConfig(
      policies,
      {},
      { ...withMust, nope: { enforcementLevel: "mandatory", properties: { x: 1 } }, all: { enforcementLevel: "advisory", properties: {} } },
      "cfg.json",
    );
    expect(unknown).toEqual(["nope"]);
    expect(config.nope).toEqual({ enforcementLevel: "mandatory", properties: { x: 1 } });
    expect(Object.keys(config)).toEqual(["a", "b", "c", "nope"]);
  });

  it("rejects a value that violates the policy's schema, naming policy and field", () => {
    expect(errorOf(() => reconcilePolicyConfig(policies, {}, { ...withMust, b: { properties: { limit: "many" } } }, "cfg.json"))).toBe(
      "cfg.json: field 'b.limit' must be number; see the policy's config schema",
    );
  });

  it("rejects a missing required property", () => {
    expect(errorOf(() => reconcilePolicyConfig(policies, {}, {}, "cfg.json"))).toBe(
      "cfg.json: field 'c' must have required property 'must'; see the policy's config schema",
    );
  });

  it("reports every schema problem of every policy at once, naming each field", () => {
    expect(errorOf(() => reconcilePolicyConfig(policies, {}, { b: { properties: { limit: "many", label: 4 } } }, "cfg.json"))).toBe(
      "cfg.json: 3 problems: field 'b.label' must be string; field 'b.limit' must be number; field 'c' must have required property 'must'; " +
        "see the policies' config schemas",
    );
  });
});
