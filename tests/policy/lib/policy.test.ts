import { CompliancePolicy, resourcePolicy, stackPolicy } from "../../../policies/lib/policy";
import { need } from "../../../policies/lib/props";
import { analyzeResource, analyzeStack, remediate, unknown, urnOf } from "../harness";

// Purpose-built policies exercise the framework through the SDK's real handlers.
const docs = { what: "w", why: "y", fix: "f", url: "https://example.com", compliance: {} };
const THING = "test:index/thing:Thing";

function resourceProbe(
  validate: Parameters<typeof resourcePolicy>[0]["validate"],
  remediation?: Parameters<typeof resourcePolicy>[0]["remediate"],
): CompliancePolicy {
  return resourcePolicy({
    name: "test-probe",
    description: "probe",
    severity: "low",
    enforcementLevel: remediation ? "remediate" : "mandatory",
    resourceTypes: [THING],
    config: { limit: { type: "number", default: 2 } },
    docs,
    validate,
    remediate: remediation,
  });
}

describe("resource policies", () => {
  it("see config defaults, and report violations at the policy's level", async () => {
    const probe = resourceProbe((check) => check.violation(`limit ${String(check.config.limit)}`));
    expect(await analyzeResource(THING, "t", {}, { policies: [probe] })).toEqual([
      { policyName: "test-probe", level: "mandatory", message: "limit 2", urn: urnOf(THING, "t") },
    ]);
    expect(await analyzeResource("test:index/other:Other", "o", {}, { policies: [probe] })).toEqual([]);
  });

  it("let the SDK skip other types before deserializing when they inspect one type, and check types themselves otherwise", async () => {
    const seen: string[] = [];
    const single = resourceProbe((check) => void seen.push(check.resource.type));
    expect(Reflect.get(Reflect.get(single, "validateResource") as object, "__pulumiType")).toBe(THING);
    const multi = resourcePolicy({
      name: "test-multi",
      description: "multi",
      severity: "low",
      enforcementLevel: "remediate",
      resourceTypes: [THING, "test:index/other:Other"],
      docs,
      validate: (check) => void seen.push(check.resource.type),
      remediate: (resource) => void seen.push(`remediate ${resource.type}`),
    });
    expect(Reflect.get(Reflect.get(multi, "validateResource") as object, "__pulumiType")).toBeUndefined();
    expect(Reflect.get(Reflect.get(multi, "remediateResource") as object, "__pulumiType")).toBeUndefined();
    for (const type of ["test:index/third:Third", "test:index/other:Other"]) {
      await remediate(type, "r", {}, { policies: [single, multi] });
      await analyzeResource(type, "r", {}, { policies: [single, multi] });
    }
    expect(seen).toEqual(["remediate test:index/other:Other", "test:index/other:Other"]);
  });

  it("turn need() on an unknown value and direct reads of unknown props into [undecided]", async () => {
    const viaNeed = resourceProbe((check) => void need.string(check.resource.props, "size"));
    const direct = resourceProbe((check) => void (check.resource.props as Record<string, unknown>).size);
    for (const probe of [viaNeed, direct]) {
      const [finding] = await analyzeResource(THING, "t", { size: unknown }, { policies: [probe] });
      expect(finding).toMatchObject({
        level: "advisory",
        message: expect.stringMatching(/^\[undecided\] cannot decide: .*size.* during preview/),
      });
    }
  });

  it("let other errors fail loudly instead of passing", async () => {
    const broken = resourceProbe(() => {
      throw new TypeError("bug in policy");
    });
    await expect(analyzeResource(THING, "t", {}, { policies: [broken] })).rejects.toThrow("bug in policy");
  });

  it("skip remediation on unknown values and surface remediation bugs", async () => {
    const needsSize = resourceProbe(
      () => undefined,
      (resource) => ({ size: need.number(resource.props, "size") }),
    );
    expect(await remediate(THING, "t", { size: unknown }, { policies: [needsSize] })).toEqual([]);
    expect(await remediate(THING, "t", { size: 3 }, { policies: [needsSize] })).toEqual([
      expect.objectContaining({ properties: { size: 3 } }),
    ]);
    expect(await remediate("test:index/other:Other", "o", { size: 3 }, { policies: [needsSize] })).toEqual([]);
    const broken = resourceProbe(
      () => undefined,
      () => {
        throw new TypeError("bug in remediation");
      },
    );
    await expect(remediate(THING, "t", {}, { policies: [broken] })).rejects.toThrow("bug in remediation");
  });
});

describe("stack policies", () => {
  const stackProbe = (validate: Parameters<typeof stackPolicy>[0]["validate"]) =>
    stackPolicy({ name: "test-stack-probe", description: "probe", severity: "low", enforcementLevel: "mandatory", docs, validate });

  it("report against the named resource and select resources by type", async () => {
    const probe = stackProbe((check) => {
      for (const thing of check.ofType(THING)) {
        check.violation(thing, `${check.resources.length} resources`);
      }
    });
    const result = await analyzeStack(
      [
        { type: THING, name: "a", props: {} },
        { type: "x:y:Z", name: "b", props: {} },
      ],
      { policies: [probe] },
    );
    expect(result).toEqual([{ policyName: "test-stack-probe", level: "mandatory", message: "2 resources", urn: urnOf(THING, "a") }]);
  });

  it("report an Undecided thrown from the stack validation at stack level", async () => {
    const probe = stackProbe((check) => void need.string(check.resources[0].props, "size"));
    const result = await analyzeStack([{ type: THING, name: "a", props: { size: unknown } }], { policies: [probe] });
    expect(result).toEqual([expect.objectContaining({ level: "advisory", urn: "", message: expect.stringMatching(/^\[undecided\] /) })]);
  });
});

describe("compliance framework metadata", () => {
  const frameworkOf = (compliance: Parameters<typeof stackPolicy>[0]["docs"]["compliance"]) =>
    stackPolicy({
      name: "test-mapped",
      description: "mapped",
      severity: "low",
      enforcementLevel: "advisory",
      docs: { ...docs, compliance },
      validate: () => undefined,
    }).framework;

  it("carries the first mapped framework in CIS, NIST, PCI order", () => {
    expect(frameworkOf({})).toBeUndefined();
    expect(frameworkOf({ cis: [], pci: ["8.3.2"] })).toEqual({
      name: "PCI DSS",
      version: "4.0",
      reference: "8.3.2",
      specification: "8.3.2",
    });
    expect(frameworkOf({ cis: ["1.4", "1.5"], nist: ["AC-2"] })).toMatchObject({
      name: "CIS AWS Foundations Benchmark",
      reference: "1.4, 1.5",
    });
  });
});
