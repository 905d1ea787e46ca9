import { analyzeResource, of, unknown } from "../harness";
import { allow, json, object, POLICY_TYPE, ROLE } from "./documents";

const POLICY = "iam-no-wildcard-actions";

async function findings(props: Record<string, unknown>, config?: Record<string, unknown>, type = POLICY_TYPE) {
  return of(POLICY, await analyzeResource(type, "subject", props, { config: config && { [POLICY]: config } }));
}

describe(POLICY, () => {
  it("reports * and service:* actions, at mandatory", async () => {
    const result = await findings({ policy: json(allow(["s3:GetObject", "s3:*", "*"], "arn:aws:s3:::b/*")) });
    expect(result).toEqual([
      expect.objectContaining({ level: "mandatory", message: expect.stringContaining('allows wildcard actions "s3:*", "*"') }),
    ]);
  });

  it("reports NotAction in an Allow, also in role inline policies", async () => {
    const props = { inlinePolicies: [{ name: "p", policy: json(allow(undefined, "*", { NotAction: "iam:*" })) }] };
    expect((await findings(props, undefined, ROLE)).map((d) => d.message)).toEqual([
      expect.stringMatching(/^inlinePolicies\[0\]\.policy, a statement: uses NotAction/),
    ]);
  });

  it("passes listed actions, partial wildcards, and Deny statements", async () => {
    expect(
      await findings({
        policy: json(
          allow(["s3:GetObject", "s3:Get*"], "*"),
          { Effect: "Deny", Action: "*", Resource: "*" },
          { Effect: "Deny", NotAction: "s3:*", Resource: "*" },
        ),
      }),
    ).toEqual([]);
  });

  it("accepts the wildcards listed in allowedActions", async () => {
    const props = { policy: json(allow(["logs:*", "s3:*"], "*")) };
    expect((await findings(props, { allowedActions: ["logs:*"] })).map((d) => d.message)).toEqual([
      expect.stringContaining('wildcard actions "s3:*":'),
    ]);
    expect(await findings(props, { allowedActions: ["logs:*", "S3:*"] })).toEqual([]);
  });

  it("reports undecided for unknown actions, NotActions and effects", async () => {
    for (const statement of [allow(unknown, "*"), allow("s3:*", "*", { Effect: unknown })]) {
      expect((await findings({ policy: object(statement) })).map((d) => d.message)).toEqual([expect.stringMatching(/^\[undecided\] /)]);
    }
    expect(await findings({ policy: object({ Effect: "Deny", Action: unknown, Resource: "*" }) })).toEqual([]);
    // NotAction in an Allow is the finding whatever it lists, so an unknown list is no reason to hesitate.
    const notAction = await findings({ policy: object(allow(undefined, "*", { NotAction: unknown })) });
    expect(notAction).toEqual([expect.objectContaining({ level: "mandatory", message: expect.stringContaining("uses NotAction") })]);
  });
});
