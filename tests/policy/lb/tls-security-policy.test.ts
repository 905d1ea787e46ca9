import { analyzeResource, of, secret, unknown } from "../harness";
import { ALB_LISTENER, LB_LISTENER } from "../../../policies/lib/resource-types";

const POLICY = "lb-tls-security-policy";

async function findings(props: Record<string, unknown>, config?: Record<string, unknown>, type = LB_LISTENER) {
  return of(POLICY, await analyzeResource(type, "https", props, { config: config && { [POLICY]: config } }));
}

const https = (sslPolicy: unknown, protocol = "HTTPS") => ({
  port: 443,
  protocol,
  certificateArn: "arn:aws:acm:us-east-1:1:certificate/c",
  sslPolicy,
});

describe(POLICY, () => {
  it("passes current policies on HTTPS and TLS listeners, and ignores plain listeners", async () => {
    expect(await findings(https("ELBSecurityPolicy-TLS13-1-2-2021-06"))).toEqual([]);
    expect(await findings(https("ELBSecurityPolicy-TLS13-1-2-Res-2021-06", "TLS"), undefined, ALB_LISTENER)).toEqual([]);
    expect(await findings(https(secret("ELBSecurityPolicy-TLS13-1-3-2021-06")))).toEqual([]);
    expect(await findings({ port: 80, protocol: "HTTP" })).toEqual([]);
    expect(await findings({ port: 80 })).toEqual([]);
  });

  it("reports old policies and an absent sslPolicy (the API default accepts TLS 1.0), at mandatory", async () => {
    expect(await findings(https("ELBSecurityPolicy-2016-08"))).toEqual([
      expect.objectContaining({ level: "mandatory", message: expect.stringContaining("sslPolicy ELBSecurityPolicy-2016-08") }),
    ]);
    expect(await findings(https(undefined, "TLS"))).toEqual([
      expect.objectContaining({ message: expect.stringContaining("no sslPolicy") }),
    ]);
    expect(await findings(https("ELBSecurityPolicy-TLS-1-0-2015-04"), undefined, ALB_LISTENER)).toHaveLength(1);
  });

  it("takes the allow-list from config", async () => {
    expect(await findings(https("ELBSecurityPolicy-TLS-1-2-2017-01"), { allowedPolicies: ["ELBSecurityPolicy-TLS-1-2-2017-01"] })).toEqual(
      [],
    );
    expect(
      await findings(https("ELBSecurityPolicy-TLS13-1-2-2021-06"), { allowedPolicies: ["ELBSecurityPolicy-TLS13-1-3-2021-06"] }),
    ).toHaveLength(1);
  });

  it("reports undecided for an unknown protocol or sslPolicy", async () => {
    expect((await findings({ protocol: unknown, sslPolicy: "x" })).map((d) => d.message)).toEqual([
      expect.stringMatching(/^\[undecided\] protocol/),
    ]);
    expect((await findings(https(unknown))).map((d) => d.message)).toEqual([expect.stringMatching(/^\[undecided\] sslPolicy/)]);
  });
});
