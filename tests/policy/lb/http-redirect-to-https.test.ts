import { analyzeResource, of, secret, unknown } from "../harness";
import { ALB_LISTENER, LB_LISTENER } from "../../../policies/lib/resource-types";

const POLICY = "lb-http-redirect-to-https";

async function findings(props: Record<string, unknown>, config?: Record<string, unknown>, type = LB_LISTENER) {
  return of(POLICY, await analyzeResource(type, "http", props, { config: config && { [POLICY]: config } }));
}

const redirect = (protocol: unknown) => ({ type: "redirect", redirect: { protocol, port: "443", statusCode: "HTTP_301" } });
const forward = { type: "forward", targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/t/1" };

describe(POLICY, () => {
  it("passes an HTTP listener that redirects to HTTPS, on both tokens, and non-HTTP listeners", async () => {
    expect(await findings({ port: 80, protocol: "HTTP", defaultActions: [redirect("HTTPS")] })).toEqual([]);
    expect(await findings({ port: 80, defaultActions: [redirect("HTTPS")] }, undefined, ALB_LISTENER)).toEqual([]);
    expect(await findings({ port: 80, protocol: "HTTP", defaultActions: [redirect(secret("HTTPS"))] })).toEqual([]);
    expect(await findings({ port: 443, protocol: "HTTPS", defaultActions: [forward] })).toEqual([]);
    expect(await findings({ port: 443, protocol: "TCP", defaultActions: [forward] })).toEqual([]);
  });

  it("reports a forwarding HTTP listener (absent protocol is HTTP), at mandatory, on both tokens", async () => {
    const expected = [expect.objectContaining({ level: "mandatory", message: expect.stringContaining("does not redirect to HTTPS") })];
    expect(await findings({ port: 80, protocol: "HTTP", defaultActions: [forward] })).toEqual(expected);
    expect(await findings({ port: 80, defaultActions: [forward] }, undefined, ALB_LISTENER)).toEqual(expected);
    expect(await findings({ port: 80, protocol: "HTTP" })).toEqual(expected);
  });

  it("reports a redirect that stays on HTTP (absent redirect protocol keeps the request's)", async () => {
    expect(await findings({ protocol: "HTTP", defaultActions: [redirect("HTTP")] })).toHaveLength(1);
    expect(await findings({ protocol: "HTTP", defaultActions: [{ type: "redirect", redirect: { port: "8080" } }] })).toHaveLength(1);
    expect(await findings({ protocol: "HTTP", defaultActions: [{ type: "redirect" }, 7, null] })).toHaveLength(1);
  });

  it("allows listeners in allowedListeners", async () => {
    expect(await findings({ protocol: "HTTP", defaultActions: [forward] }, { allowedListeners: ["ht*"] })).toEqual([]);
    expect(await findings({ protocol: "HTTP", defaultActions: [forward] }, { allowedListeners: ["other"] })).toHaveLength(1);
  });

  it("reports undecided for unknown protocol, actions, action type or redirect protocol", async () => {
    const messages = async (props: Record<string, unknown>) => (await findings(props)).map((d) => d.message);
    expect(await messages({ protocol: unknown, defaultActions: [forward] })).toEqual([expect.stringMatching(/^\[undecided\] protocol/)]);
    expect(await messages({ protocol: "HTTP", defaultActions: unknown })).toEqual([expect.stringMatching(/^\[undecided\] defaultActions/)]);
    expect(await messages({ protocol: "HTTP", defaultActions: [{ type: unknown }] })).toEqual([
      expect.stringMatching(/^\[undecided\] a default action/),
    ]);
    expect(await messages({ protocol: "HTTP", defaultActions: [redirect(unknown)] })).toEqual([
      expect.stringMatching(/^\[undecided\] a default action/),
    ]);
    // A known redirect to HTTPS decides, whatever else is unknown.
    expect(await messages({ protocol: "HTTP", defaultActions: [{ type: unknown }, redirect("HTTPS")] })).toEqual([]);
  });
});
