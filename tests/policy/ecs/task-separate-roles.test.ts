import { analyzeStack, of, TestResource, unknown, urnOf } from "../harness";
import { task, TASK } from "./task-definition";

const POLICY = "ecs-task-separate-roles";
const ROLE = "aws:iam/role:Role";

const role = (name: string): TestResource => ({ type: ROLE, name, props: {} });
const definition = (extra: Record<string, unknown>, propertyDependencies?: Record<string, string[]>): TestResource => ({
  type: TASK,
  name: "task",
  props: task(undefined, extra),
  propertyDependencies,
});

async function findings(resources: TestResource[]) {
  return of(POLICY, await analyzeStack(resources));
}

describe(POLICY, () => {
  it("reports one known role for both, at advisory, against the task definition", async () => {
    const arn = "arn:aws:iam::111111111111:role/shared";
    const result = await findings([definition({ executionRoleArn: arn, taskRoleArn: arn })]);
    expect(result).toEqual([
      expect.objectContaining({ level: "advisory", urn: urnOf(TASK, "task"), message: expect.stringContaining("name the same role") }),
    ]);
  });

  it("passes different known roles, or a task without one of them", async () => {
    expect(await findings([definition({})])).toEqual([]);
    expect(await findings([definition({ taskRoleArn: undefined })])).toEqual([]);
    expect(await findings([definition({ executionRoleArn: "" })])).toEqual([]);
    // An absent or empty ARN names no role, even beside another one (two of them would compare equal),
    // so there is nothing to compare; the shared source each case carries would be a finding if compared.
    const none = [
      { executionRoleArn: undefined, taskRoleArn: undefined },
      { executionRoleArn: "", taskRoleArn: "" },
      { executionRoleArn: undefined, taskRoleArn: unknown },
      { executionRoleArn: unknown, taskRoleArn: undefined },
      { executionRoleArn: "", taskRoleArn: unknown },
      { executionRoleArn: unknown, taskRoleArn: "" },
    ];
    for (const arns of none) {
      const sources = { executionRoleArn: [`${ROLE}::a`], taskRoleArn: [`${ROLE}::a`] };
      expect(await findings([definition(arns, sources), role("a")])).toEqual([]);
    }
  });

  it("decides unknown ARNs by the roles they come from", async () => {
    const unknownArns = { executionRoleArn: unknown, taskRoleArn: unknown };
    const separate = definition(unknownArns, { executionRoleArn: [`${ROLE}::execution`], taskRoleArn: [`${ROLE}::app`] });
    expect(await findings([separate, role("execution"), role("app")])).toEqual([]);

    const same = definition(unknownArns, { executionRoleArn: [`${ROLE}::shared`], taskRoleArn: [`${ROLE}::shared`] });
    const result = await findings([same, role("shared")]);
    expect(result.map((d) => d.message)).toEqual([expect.stringContaining(`both come from ${urnOf(ROLE, "shared")}`)]);
    expect(result[0].message).not.toMatch(/^\[undecided\]/);

    const both = definition(unknownArns, {
      executionRoleArn: [`${ROLE}::a`, `${ROLE}::b`],
      taskRoleArn: [`${ROLE}::b`, `${ROLE}::a`],
    });
    const twice = await findings([both, role("a"), role("b")]);
    expect(twice.map((d) => d.message)).toEqual([expect.stringContaining(`both come from ${urnOf(ROLE, "a")}, ${urnOf(ROLE, "b")})`)]);
  });

  it("reports undecided when the sources overlap, are missing, or one ARN is known", async () => {
    const cases: TestResource[][] = [
      [
        definition(
          { executionRoleArn: unknown, taskRoleArn: unknown },
          { executionRoleArn: [`${ROLE}::a`, `${ROLE}::b`], taskRoleArn: [`${ROLE}::a`] },
        ),
        role("a"),
        role("b"),
      ],
      [
        definition(
          { executionRoleArn: unknown, taskRoleArn: unknown },
          { executionRoleArn: [`${ROLE}::a`], taskRoleArn: [`${ROLE}::a`, `${ROLE}::b`] },
        ),
        role("a"),
        role("b"),
      ],
      [definition({ executionRoleArn: unknown, taskRoleArn: unknown })],
      [definition({ executionRoleArn: unknown }, { executionRoleArn: [`${ROLE}::a`] }), role("a")],
      [definition({ taskRoleArn: unknown }, { taskRoleArn: [`${ROLE}::a`] }), role("a")],
    ];
    for (const resources of cases) {
      expect((await findings(resources)).map((d) => d.message)).toEqual([
        expect.stringMatching(/^\[undecided\] executionRoleArn or taskRoleArn is unknown during preview/),
      ]);
    }
  });
});
