// The four load balancer policies: access logs, deletion protection, invalid headers, internet-facing.
import { analyzeResource, of, secret, unknown, verdicts } from "../harness";
import { ALB_LOAD_BALANCER, LB_LOAD_BALANCER } from "../../../policies/lib/resource-types";

async function findings(policy: string, props: Record<string, unknown>, config?: Record<string, unknown>, type = LB_LOAD_BALANCER) {
  return of(policy, await analyzeResource(type, "alb", props, { config: config && { [policy]: config } }));
}
const messages = async (policy: string, props: Record<string, unknown>, config?: Record<string, unknown>) =>
  (await findings(policy, props, config)).map((d) => d.message);

describe("lb-access-logs", () => {
  const POLICY = "lb-access-logs";
  it("passes enabled logs with a bucket, on both tokens, or a stated reason", async () => {
    expect(await findings(POLICY, { accessLogs: { bucket: "logs", enabled: true } })).toEqual([]);
    expect(await findings(POLICY, { accessLogs: { bucket: unknown, enabled: secret(true) } }, undefined, ALB_LOAD_BALANCER)).toEqual([]);
    expect(await findings(POLICY, { tags: { "compliance:no-access-logs-reason": "demo stack" } })).toEqual([]);
  });
  it("reports logs off, absent, or without a bucket, at advisory", async () => {
    expect(await findings(POLICY, {})).toEqual([
      expect.objectContaining({ level: "advisory", message: expect.stringContaining("access logs are off") }),
    ]);
    expect(await findings(POLICY, { accessLogs: { bucket: "logs", enabled: false } }, undefined, ALB_LOAD_BALANCER)).toHaveLength(1);
    expect(await findings(POLICY, { accessLogs: { enabled: true }, tags: { "compliance:no-access-logs-reason": " " } })).toHaveLength(1);
  });
  it("reports undecided when enabled or the reason tag is unknown", async () => {
    expect(await messages(POLICY, { accessLogs: { bucket: "logs", enabled: unknown } })).toEqual([
      expect.stringMatching(/^\[undecided\] accessLogs/),
    ]);
    expect(await messages(POLICY, { tags: unknown })).toEqual([expect.stringMatching(/^\[undecided\]/)]);
    expect(await messages(POLICY, { tags: { "compliance:no-access-logs-reason": unknown } })).toEqual([
      expect.stringMatching(/^\[undecided\]/),
    ]);
  });
});

describe("lb-deletion-protection", () => {
  const POLICY = "lb-deletion-protection";
  // The harness's stack is "test".
  const prod = { protectedStacks: ["test"] };
  it("checks only stacks in protectedStacks (default prod, production)", async () => {
    expect(await findings(POLICY, {})).toEqual([]);
    expect(await findings(POLICY, { enableDeletionProtection: false }, { protectedStacks: ["prod"] })).toEqual([]);
  });
  it("passes protection on, reports it off or absent (the provider default false) alike, at mandatory", async () => {
    expect(await findings(POLICY, { enableDeletionProtection: true }, prod)).toEqual([]);
    expect(await findings(POLICY, { enableDeletionProtection: secret(true) }, prod)).toEqual([]);
    const off = await findings(POLICY, { enableDeletionProtection: false }, prod);
    expect(off).toEqual([expect.objectContaining({ level: "mandatory", message: expect.stringContaining('stack "test"') })]);
    expect(verdicts(await findings(POLICY, {}, prod, ALB_LOAD_BALANCER))).toEqual(verdicts(off));
  });
  it("reports undecided when enableDeletionProtection is unknown", async () => {
    expect(await messages(POLICY, { enableDeletionProtection: unknown }, prod)).toEqual([
      expect.stringMatching(/^\[undecided\] enableDeletionProtection/),
    ]);
  });
});

describe("lb-drop-invalid-headers", () => {
  const POLICY = "lb-drop-invalid-headers";
  it("passes application load balancers that drop invalid headers, and ignores network ones", async () => {
    expect(await findings(POLICY, { dropInvalidHeaderFields: true })).toEqual([]);
    expect(
      await findings(POLICY, { loadBalancerType: "application", dropInvalidHeaderFields: secret(true) }, undefined, ALB_LOAD_BALANCER),
    ).toEqual([]);
    expect(await findings(POLICY, { loadBalancerType: "network" })).toEqual([]);
  });
  it("reports false and absent (the provider default) alike, at advisory", async () => {
    const off = await findings(POLICY, { dropInvalidHeaderFields: false });
    expect(off).toEqual([
      expect.objectContaining({ level: "advisory", message: expect.stringContaining("dropInvalidHeaderFields: true") }),
    ]);
    expect(verdicts(await findings(POLICY, { loadBalancerType: "application" }, undefined, ALB_LOAD_BALANCER))).toEqual(verdicts(off));
  });
  it("reports undecided for an unknown type or setting", async () => {
    expect(await messages(POLICY, { loadBalancerType: unknown })).toEqual([expect.stringMatching(/^\[undecided\] loadBalancerType/)]);
    expect(await messages(POLICY, { dropInvalidHeaderFields: unknown })).toEqual([
      expect.stringMatching(/^\[undecided\] dropInvalidHeaderFields/),
    ]);
  });
});

describe("lb-internet-facing", () => {
  const POLICY = "lb-internet-facing";
  it("passes internal load balancers, allow-listed ones and ones with a stated reason", async () => {
    expect(await findings(POLICY, { internal: true })).toEqual([]);
    expect(await findings(POLICY, { internal: false }, { allowedInternetFacing: ["alb"] })).toEqual([]);
    expect(await findings(POLICY, { name: "public-web" }, { allowedInternetFacing: ["public-*"] }, ALB_LOAD_BALANCER)).toEqual([]);
    expect(await findings(POLICY, { internal: false, tags: { "compliance:internet-facing-reason": "public web entry point" } })).toEqual(
      [],
    );
  });
  it("reports internal false and absent (internet-facing by default) alike, at advisory", async () => {
    const open = await findings(POLICY, { internal: false });
    expect(open).toEqual([expect.objectContaining({ level: "advisory", message: expect.stringContaining("internet-facing") })]);
    expect(verdicts(await findings(POLICY, {}, undefined, ALB_LOAD_BALANCER))).toEqual(verdicts(open));
    expect(await findings(POLICY, { internal: false }, { allowedInternetFacing: ["other"] })).toHaveLength(1);
  });
  it("reports undecided when internal or the reason tag is unknown", async () => {
    expect(await messages(POLICY, { internal: unknown })).toEqual([expect.stringMatching(/^\[undecided\] internal/)]);
    expect(await messages(POLICY, { internal: false, tags: unknown })).toEqual([expect.stringMatching(/^\[undecided\]/)]);
  });
});
