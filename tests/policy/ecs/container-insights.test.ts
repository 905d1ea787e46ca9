import { analyzeResource, of, remediate, secret, unknown } from "../harness";

const POLICY = "ecs-container-insights";
const CLUSTER = "aws:ecs/cluster:Cluster";
const REMEDIATE = { [POLICY]: { enforcementLevel: "remediate" as const } };

async function findings(props: Record<string, unknown>) {
  return of(POLICY, await analyzeResource(CLUSTER, "cluster", props));
}

async function fix(props: Record<string, unknown>) {
  return remediate(CLUSTER, "cluster", props, { config: REMEDIATE });
}

const insights = (value: unknown) => ({ name: "containerInsights", value });

describe(POLICY, () => {
  it("passes enabled and enhanced", async () => {
    expect(await findings({ settings: [insights("enabled")] })).toEqual([]);
    expect(await findings({ settings: [insights("enhanced")] })).toEqual([]);
  });

  it("reports a cluster without the setting (the account default, off) or with it disabled, at advisory", async () => {
    for (const settings of [undefined, [], [insights("disabled")], [null]]) {
      expect(await findings({ settings })).toEqual([
        expect.objectContaining({ level: "advisory", message: expect.stringContaining("Container Insights is off") }),
      ]);
    }
  });

  it("reports undecided when the settings or the value are unknown", async () => {
    for (const settings of [unknown, [unknown], [insights(unknown)], [{ name: unknown, value: "enabled" }]]) {
      expect((await findings({ settings })).map((d) => d.message)).toEqual([expect.stringMatching(/^\[undecided\] /)]);
    }
  });

  describe("remediation", () => {
    it("adds the setting, keeping other settings, tags and secrets", async () => {
      const props = { name: "app", settings: [{ name: "other", value: "x" }], tags: { owner: secret("team") } };
      const [result] = await fix(props);
      expect(result.policyName).toBe(POLICY);
      expect(result.properties).toEqual({
        name: "app",
        settings: [{ name: "other", value: "x" }, insights("enabled")],
        tags: { owner: secret("team") },
      });
      const [fromNothing] = await fix({ name: "app" });
      expect(fromNothing.properties).toEqual({ name: "app", settings: [insights("enabled")] });
    });

    it("switches a disabled setting on in place", async () => {
      const [result] = await fix({ settings: [insights("disabled"), { name: "other", value: "x" }] });
      expect(result.properties).toEqual({ settings: [insights("enabled"), { name: "other", value: "x" }] });
    });

    it("is idempotent, and the result passes validation", async () => {
      const [once] = await fix({ settings: [insights("disabled")] });
      const fixed = once.properties as Record<string, unknown>;
      expect(await fix(fixed)).toEqual([]);
      expect(await findings(fixed)).toEqual([]);
    });

    it("leaves unknown settings alone", async () => {
      for (const settings of [unknown, [unknown], [insights(unknown)], [{ name: unknown, value: "x" }]]) {
        expect(await fix({ settings })).toEqual([]);
      }
    });
  });
});
