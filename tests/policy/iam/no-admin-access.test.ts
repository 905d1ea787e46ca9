import { analyzeResource, of, secret, unknown } from "../harness";
import { allow, json, object, POLICY_TYPE, ROLE, ROLE_POLICY, serviceTrust } from "./documents";

const POLICY = "iam-no-admin-access";

async function findings(type: string, props: Record<string, unknown>) {
  return of(POLICY, await analyzeResource(type, "subject", props));
}

describe(POLICY, () => {
  it("reports * on * in JSON strings, objects and role inline policies, at mandatory", async () => {
    const cases: [string, Record<string, unknown>][] = [
      [POLICY_TYPE, { policy: json(allow("*", "*", { Sid: "Admin" })) }],
      [ROLE_POLICY, { role: "r", policy: object(allow(["s3:GetObject", "*:*"], ["*"])) }],
      [
        ROLE,
        { assumeRolePolicy: serviceTrust("codebuild.amazonaws.com"), inlinePolicies: [{ name: "admin", policy: json(allow("*", "*")) }] },
      ],
      [POLICY_TYPE, { policy: secret(json(allow("*", "*"))) }],
    ];
    for (const [type, props] of cases) {
      const result = await findings(type, props);
      expect(result).toEqual([
        expect.objectContaining({
          level: "mandatory",
          message: expect.stringContaining('allows every action ("*") on every resource ("*")'),
        }),
      ]);
    }
    expect((await findings(POLICY_TYPE, { policy: json(allow("*", "*", { Sid: "Admin" })) }))[0].message).toMatch(
      /^policy, statement "Admin": /,
    );
  });

  it("reports AdministratorAccess attachments in any partition", async () => {
    const arns = ["arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws-us-gov:iam::aws:policy/AdministratorAccess"];
    for (const arn of arns) {
      const result = await findings("aws:iam/rolePolicyAttachment:RolePolicyAttachment", { role: "r", policyArn: arn });
      expect(result.map((d) => d.message)).toEqual([
        `policyArn attaches ${arn}: grant the specific actions and resources the role needs instead`,
      ]);
    }
    const role = await findings(ROLE, { assumeRolePolicy: serviceTrust("ecs-tasks.amazonaws.com"), managedPolicyArns: [arns[0]] });
    expect(role.map((d) => d.message)).toEqual([expect.stringMatching(/^managedPolicyArns attaches/)]);
    const exclusive = await findings("aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive", {
      roleName: "r",
      policyArns: [arns[0]],
    });
    expect(exclusive).toHaveLength(1);
  });

  it("passes scoped statements, Deny statements, other managed policies and unknown ARNs", async () => {
    expect(
      await findings(POLICY_TYPE, {
        policy: json(allow("s3:GetObject", "arn:aws:s3:::b/*"), allow("*", "arn:aws:s3:::b"), allow("s3:*", "*")),
      }),
    ).toEqual([]);
    expect(await findings(POLICY_TYPE, { policy: json({ Effect: "Deny", Action: "*", Resource: "*" }) })).toEqual([]);
    expect(
      await findings("aws:iam/userPolicyAttachment:UserPolicyAttachment", {
        user: "u",
        policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
      }),
    ).toEqual([]);
    expect(await findings("aws:iam/policyAttachment:PolicyAttachment", { policyArn: unknown })).toEqual([]);
    expect(await findings(ROLE, { assumeRolePolicy: serviceTrust("ecs-tasks.amazonaws.com") })).toEqual([]);
    expect(await findings(ROLE, { assumeRolePolicy: serviceTrust("ecs-tasks.amazonaws.com"), inlinePolicies: [{}] })).toEqual([]);
  });

  it("reports malformed documents as violations", async () => {
    const cases: [unknown, string][] = [
      ["{not json", "policy is malformed: policy is not valid JSON"],
      ["[]", "policy is malformed: policy is not a JSON object"],
      [JSON.stringify({ Version: "2012-10-17" }), "policy is malformed: the document has no Statement"],
      [JSON.stringify({ Statement: ["x"] }), "policy is malformed: Statement[0] is not an object"],
      [
        json({ Sid: "Bad", Effect: "Maybe", Action: "s3:GetObject", Resource: "*" }),
        'policy is malformed: statement "Bad" has an Effect other than Allow or Deny',
      ],
    ];
    for (const [policy, message] of cases) {
      const result = await findings(POLICY_TYPE, { policy });
      expect(result).toEqual([expect.objectContaining({ level: "mandatory", message: expect.stringContaining(message) })]);
    }
  });

  it("reports undecided for unknown documents and parts it needs", async () => {
    const cases: [string, Record<string, unknown>][] = [
      [POLICY_TYPE, { policy: unknown }],
      [POLICY_TYPE, { policy: object(allow(unknown, "*")) }],
      [POLICY_TYPE, { policy: object(allow("*", "*", { Effect: unknown })) }],
      [POLICY_TYPE, { policy: { Statement: unknown } }],
      [ROLE, { inlinePolicies: unknown }],
      [ROLE, { inlinePolicies: [unknown] }],
      [ROLE, { inlinePolicies: [{ name: "p", policy: unknown }] }],
      [POLICY_TYPE, {}],
      [ROLE_POLICY, { role: "r" }],
    ];
    for (const [type, props] of cases) {
      expect((await findings(type, props)).map((d) => d.message)).toEqual([expect.stringMatching(/^\[undecided\] /)]);
    }
    expect(await findings(POLICY_TYPE, { policy: object({ Effect: "Deny", Action: unknown, Resource: "*" }) })).toEqual([]);
  });

  it("treats a Resource unknown at preview as an ARN output, not as *", async () => {
    expect(await findings(POLICY_TYPE, { policy: object(allow("*", unknown), allow(unknown, ["arn:aws:s3:::b", unknown])) })).toEqual([]);
  });
});
