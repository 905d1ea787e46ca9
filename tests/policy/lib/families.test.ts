import { keyInputPolicy } from "../../../policies/lib/kms-keys";
import { CompliancePolicy, resourcePolicy } from "../../../policies/lib/policy";
import { notPublicPolicy } from "../../../policies/lib/public-principal";
import { setInput } from "../../../policies/lib/remediation";
import { analyzeResource, remediate, secret, unknown, urnOf } from "../harness";

// The factories behind the policy families, exercised with purpose-built members through the SDK's real handlers.
const docs = { what: "w", why: "y", fix: "f", url: "https://example.com", compliance: {} };
const THING = "test:index/thing:Thing";
const THING_POLICY = "test:index/thingPolicy:ThingPolicy";
const GRANT = "test:index/grant:Grant";
const OPEN = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "x:*" }] });

describe("notPublicPolicy", () => {
  const grants: string[] = [];
  const policy = notPublicPolicy({
    name: "test-not-public",
    description: "d",
    severity: "high",
    noun: "the thing",
    optionalOn: [THING],
    requiredOn: [THING_POLICY],
    otherGrants: { [GRANT]: (check) => void grants.push(check.resource.name) },
    docs,
  });
  const analyze = (type: string, props: Record<string, unknown>) => analyzeResource(type, "r", props, { policies: [policy] });

  it("is mandatory and inspects the optional, required and other types, in that order", () => {
    expect(policy.enforcementLevel).toBe("mandatory");
    expect(policy.resourceTypes).toEqual([THING, THING_POLICY, GRANT]);
  });

  it("reports an open policy document on every type that has one, naming the noun", async () => {
    for (const type of [THING, THING_POLICY]) {
      expect(await analyze(type, { policy: OPEN })).toEqual([
        {
          policyName: "test-not-public",
          level: "mandatory",
          message:
            'policy Statement[0] allows anyone (principal "*" with no Condition) to use the thing: ' +
            "name the accounts, roles or services, or add a condition such as aws:SourceAccount or aws:PrincipalOrgID",
          urn: urnOf(type, "r"),
        },
      ]);
    }
  });

  it("passes an absent optional document and cannot decide on an absent required one", async () => {
    expect(await analyze(THING, {})).toEqual([]);
    expect(await analyze(THING_POLICY, {})).toEqual([
      expect.objectContaining({
        level: "advisory",
        message: expect.stringMatching(/^\[undecided\] policy is not set: .* the thing to anyone$/),
      }),
    ]);
  });

  it("hands the other types to their own check instead of reading a policy document", async () => {
    expect(await analyze(GRANT, { policy: OPEN })).toEqual([]);
    expect(grants).toEqual(["r"]);
  });
});

describe("keyInputPolicy", () => {
  const policy = keyInputPolicy({
    name: "test-key",
    description: "d",
    severity: "medium",
    enforcementLevel: "advisory",
    resourceType: THING,
    keyInput: "keyId",
    unencrypted: "the thing is not encrypted",
    docs,
  });
  const messages = async (props: Record<string, unknown>) =>
    (await analyzeResource(THING, "r", props, { policies: [policy] })).map((d) => `${d.level}: ${d.message}`);

  it("requires the key input, judging an empty string like absent and an unknown key as set", async () => {
    expect(policy.resourceTypes).toEqual([THING]);
    expect(await messages({})).toEqual(["advisory: the thing is not encrypted: set keyId"]);
    expect(await messages({ keyId: "" })).toEqual(["advisory: the thing is not encrypted: set keyId"]);
    expect(await messages({ keyId: unknown })).toEqual([]);
    expect(await messages({ keyId: "arn:aws:kms:eu-west-1:111111111111:key/k" })).toEqual([]);
  });
});

describe("setInput", () => {
  const seen: unknown[] = [];
  const probe = (path: string, fixed: Parameters<typeof setInput>[1]): CompliancePolicy =>
    resourcePolicy({
      name: "test-set",
      description: "d",
      severity: "low",
      enforcementLevel: "remediate",
      resourceTypes: [THING],
      config: { wanted: { type: "string", default: "on" } },
      docs,
      validate: () => undefined,
      remediate: setInput(path, fixed),
    });
  const fix = async (path: string, props: Record<string, unknown>, fixed: Parameters<typeof setInput>[1] = (_, config) => config.wanted) =>
    (await remediate(THING, "r", props, { policies: [probe(path, fixed)] })).map((r) => r.properties);

  it("sets a top-level input to the fixed value, keeping the other inputs and their secrecy", async () => {
    expect(await fix("mode", { mode: "off", name: secret("n") })).toEqual([{ mode: "on", name: secret("n") }]);
    expect(await fix("mode", {})).toEqual([{ mode: "on" }]);
  });

  it("creates absent blocks on the path, keeps present ones and replaces ones that are not objects", async () => {
    expect(await fix("a.b.c", {})).toEqual([{ a: { b: { c: "on" } } }]);
    expect(await fix("a.b", { a: { b: "off", other: 1 } })).toEqual([{ a: { b: "on", other: 1 } }]);
    expect(await fix("a.b", { a: "text" })).toEqual([{ a: { b: "on" } }]);
  });

  it("changes nothing when the fix is undefined or the input is unknown, without asking for a fix then", async () => {
    expect(await fix("mode", { mode: "on" }, (props) => (props.mode === "on" ? undefined : "on"))).toEqual([]);
    const asked = (props: Record<string, unknown>) =>
      fix("a.b", props, () => {
        seen.push(props);
        return "on";
      });
    expect(await asked({ a: unknown })).toEqual([]);
    expect(await asked({ a: { b: unknown } })).toEqual([]);
    expect(seen).toEqual([]);
  });
});
