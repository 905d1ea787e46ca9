import { analyzeResource, of, unknown } from "../harness";

const POLICY = "ecs-service-no-public-ip";
const SERVICE = "aws:ecs/service:Service";

async function findings(props: Record<string, unknown>, config?: Record<string, unknown>) {
  return of(POLICY, await analyzeResource(SERVICE, "web", props, { config: config && { [POLICY]: config } }));
}

const service = (assignPublicIp: unknown, extra: Record<string, unknown> = {}) => ({
  launchType: "FARGATE",
  networkConfiguration: { subnets: ["subnet-1"], securityGroups: ["sg-1"], assignPublicIp },
  ...extra,
});

describe(POLICY, () => {
  it("passes private tasks: assignPublicIp false, or absent as the provider default false", async () => {
    expect(await findings(service(false))).toEqual([]);
    expect(await findings(service(undefined))).toEqual([]);
    expect(await findings({ launchType: "EC2" })).toEqual([]);
  });

  it("reports public IPs, at mandatory", async () => {
    expect(await findings(service(true))).toEqual([
      expect.objectContaining({ level: "mandatory", message: expect.stringContaining("assignPublicIp is true") }),
    ]);
    expect((await findings(service(true)))[0].message).toMatch(/, or list the service in the policy config allowedServices$/);
  });

  it("allows services listed in allowedServices by logical name or name input", async () => {
    expect(await findings(service(true), { allowedServices: ["web"] })).toEqual([]);
    expect(await findings(service(true, { name: "public-demo" }), { allowedServices: ["public-*"] })).toEqual([]);
    expect(await findings(service(true, { name: "api" }), { allowedServices: ["public-*"] })).toHaveLength(1);
  });

  it("reports undecided when assignPublicIp is unknown", async () => {
    expect((await findings(service(unknown))).map((d) => d.message)).toEqual([expect.stringMatching(/^\[undecided\] .*assignPublicIp/)]);
  });
});
