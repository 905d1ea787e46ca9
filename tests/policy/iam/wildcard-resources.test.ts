import { analyzeResource, of, unknown } from "../harness";
import { allow, json, object, POLICY_TYPE, ROLE_POLICY } from "./documents";

const POLICY = "iam-wildcard-resources";

async function findings(props: Record<string, unknown>, config?: Record<string, unknown>) {
  return of(POLICY, await analyzeResource(ROLE_POLICY, "subject", props, { config: config && { [POLICY]: config } }));
}

describe(POLICY, () => {
  it("passes the reference stack's statements: * only for actions without resource-level permissions", async () => {
    const policy = json(
      allow("ecr:GetAuthorizationToken", "*", { Sid: "EcrLogin" }),
      allow(["ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition"], "*"),
      allow(["ecr:BatchGetImage", "ecr:PutImage"], "arn:aws:ecr:us-east-1:111111111111:repository/app"),
      allow(["ec2:DescribeSubnets", "ec2:Describe*"], "*"),
      { Effect: "Deny", Action: "s3:*", Resource: "*" },
    );
    expect(await findings({ role: "r", policy })).toEqual([]);
  });

  it("reports actions with resource-level permissions on *, at mandatory, naming them", async () => {
    const result = await findings({ policy: json(allow(["ecr:GetAuthorizationToken", "s3:GetObject", "ecr:*"], ["*"], { Sid: "Wide" })) });
    expect(result).toEqual([
      expect.objectContaining({
        level: "mandatory",
        message: expect.stringContaining('statement "Wide": uses Resource "*" for "s3:GetObject", "ecr:*"'),
      }),
    ]);
    expect(of(POLICY, await analyzeResource(POLICY_TYPE, "p", { policy: json(allow("s3:PutObject", "*")) }))).toHaveLength(1);
  });

  it("reports NotResource like *", async () => {
    const result = await findings({ policy: json(allow("s3:GetObject", undefined, { NotResource: "arn:aws:s3:::secret/*" })) });
    expect(result.map((d) => d.message)).toEqual([expect.stringContaining('uses NotResource for "s3:GetObject"')]);
  });

  it("extends the list with allowedActions patterns", async () => {
    const props = { policy: json(allow(["cloudwatch:DescribeAlarms", "cloudwatch:DescribeAlarmHistory"], "*")) };
    expect(await findings(props)).toHaveLength(1);
    expect(await findings(props, { allowedActions: ["cloudwatch:Describe*"] })).toEqual([]);
  });

  it("reports undecided when the actions of a * statement or its effect are unknown", async () => {
    for (const statement of [
      allow(unknown, "*"),
      allow(unknown, undefined, { NotResource: "arn:aws:s3:::b" }),
      allow("s3:GetObject", "*", { Effect: unknown }),
    ]) {
      expect((await findings({ policy: object(statement) })).map((d) => d.message)).toEqual([expect.stringMatching(/^\[undecided\] /)]);
    }
    expect(await findings({ policy: object({ Effect: "Deny", Action: unknown, Resource: "*" }) })).toEqual([]);
  });

  it("treats a Resource unknown at preview as an ARN output, and NotResource as wide whatever it lists", async () => {
    expect(await findings({ policy: object(allow("s3:GetObject", unknown), allow(unknown, ["arn:aws:s3:::b/*", unknown])) })).toEqual([]);
    const notResource = await findings({ policy: object(allow("s3:GetObject", undefined, { NotResource: unknown })) });
    expect(notResource).toEqual([
      expect.objectContaining({ level: "mandatory", message: expect.stringContaining('uses NotResource for "s3:GetObject"') }),
    ]);
  });
});
