import { analyzeResource, of, unknown } from "../harness";
import { allow, json, object, ROLE_POLICY } from "./documents";

const SCOPED = "iam-pass-role-scoped";
const CONDITION = "iam-pass-role-service-condition";
const ROLES = ["arn:aws:iam::111111111111:role/task", "arn:aws:iam::111111111111:role/execution"];
const TO_ECS = { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } };

async function findings(policyName: string, policy: unknown) {
  return of(policyName, await analyzeResource(ROLE_POLICY, "deploy", { role: "r", policy }));
}

describe(SCOPED, () => {
  it("passes PassRole on named roles (the reference stack's statement)", async () => {
    expect(await findings(SCOPED, json(allow("iam:PassRole", ROLES, { Condition: TO_ECS })))).toEqual([]);
    expect(await findings(SCOPED, json(allow("s3:GetObject", "*")))).toEqual([]);
  });

  it("reports PassRole on *, directly or through a wildcard, at mandatory", async () => {
    for (const action of ["iam:PassRole", "iam:*", "IAM:pass*"]) {
      const result = await findings(SCOPED, json(allow(action, "*", { Condition: TO_ECS })));
      expect(result).toEqual([
        expect.objectContaining({ level: "mandatory", message: expect.stringContaining("allows iam:PassRole on every role") }),
      ]);
    }
    expect(await findings(SCOPED, json(allow("iam:PassRole", undefined, { NotResource: ROLES[0] })))).toHaveLength(1);
  });

  it("reports undecided when the actions of a statement on every resource are unknown", async () => {
    for (const statement of [
      allow(unknown, "*"),
      allow(unknown, undefined, { NotResource: "x" }),
      allow("iam:PassRole", "*", { Effect: unknown }),
    ]) {
      expect((await findings(SCOPED, object(statement))).map((d) => d.message)).toEqual([expect.stringMatching(/^\[undecided\] /)]);
    }
    expect(await findings(SCOPED, object({ Effect: "Deny", Action: unknown, Resource: "*" }))).toEqual([]);
  });

  it("treats a Resource unknown at preview as the roles' ARN outputs, and NotResource as every role", async () => {
    expect(await findings(SCOPED, object(allow("iam:PassRole", [unknown, unknown], { Condition: TO_ECS })))).toEqual([]);
    expect(await findings(SCOPED, object(allow("iam:PassRole", undefined, { NotResource: unknown })))).toHaveLength(1);
  });
});

describe(CONDITION, () => {
  it("passes PassRole limited by iam:PassedToService", async () => {
    expect(await findings(CONDITION, json(allow("iam:PassRole", ROLES, { Condition: TO_ECS }), allow("s3:GetObject", "*")))).toEqual([]);
  });

  it("reports PassRole without the condition, at advisory", async () => {
    const result = await findings(
      CONDITION,
      json(allow("iam:PassRole", ROLES, { Condition: { StringEquals: { "aws:SourceAccount": "111111111111" } } })),
    );
    expect(result).toEqual([
      expect.objectContaining({ level: "advisory", message: expect.stringContaining("without an iam:PassedToService condition") }),
    ]);
    expect(await findings(CONDITION, json(allow("iam:PassRole", ROLES)))).toHaveLength(1);
  });

  it("reports undecided when the condition is unknown", async () => {
    expect((await findings(CONDITION, object(allow("iam:PassRole", ROLES, { Condition: unknown })))).map((d) => d.message)).toEqual([
      expect.stringMatching(/^\[undecided\] /),
    ]);
  });
});
