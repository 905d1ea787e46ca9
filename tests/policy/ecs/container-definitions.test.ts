// The shared reading of containerDefinitions, seen through each task definition policy.
import { analyzeResource, secret, unknown } from "../harness";
import { container, task, TASK } from "./task-definition";

const POLICIES = ["ecs-task-logging", "ecs-task-not-privileged", "ecs-task-read-only-root", "ecs-task-no-plaintext-secrets"];

async function findings(props: Record<string, unknown>) {
  return (await analyzeResource(TASK, "task", props)).filter((d) => POLICIES.includes(d.policyName));
}

describe("containerDefinitions", () => {
  it("passes the reference container, also when the whole JSON string is a secret", async () => {
    expect(await findings(task())).toEqual([]);
    expect(await findings(task(secret(JSON.stringify([container()]))))).toEqual([]);
  });

  it("reports undecided in every task policy when the required JSON string is absent (computed offline)", async () => {
    const result = await findings(task(undefined, { containerDefinitions: undefined }));
    expect(result.map((d) => d.policyName).sort()).toEqual([...POLICIES].sort());
    expect(result.every((d) => d.level === "advisory" && d.message.startsWith("[undecided] containerDefinitions is not set"))).toBe(true);
  });

  it("reports undecided in every task policy when the JSON string is unknown at preview", async () => {
    const result = await findings(task(unknown));
    expect(result.map((d) => d.policyName).sort()).toEqual([...POLICIES].sort());
    expect(result.every((d) => d.level === "advisory" && d.message.startsWith("[undecided] containerDefinitions is unknown"))).toBe(true);
  });

  it.each([
    ["[{", "containerDefinitions is not valid JSON"],
    ['{"name":"app"}', "is not a JSON list of containers"],
    ["[42]", "containerDefinitions[0] is not an object"],
    ["[[]]", "containerDefinitions[0] is not an object"],
    ["[null]", "containerDefinitions[0] is not an object"],
  ])("reports malformed definitions %s as violations in every task policy: %s", async (definitions, reason) => {
    const result = await findings(task(definitions));
    expect(result).toHaveLength(POLICIES.length);
    expect(result.every((d) => d.message.includes(reason) && !d.message.startsWith("[undecided]"))).toBe(true);
  });

  it("accepts a list that is not a string and names containers by position when they have no name", async () => {
    const result = await findings(task(undefined, { containerDefinitions: [container({ name: undefined, privileged: true })] }));
    expect(result.map((d) => d.message)).toEqual([expect.stringMatching(/^container #1 is privileged/)]);
  });
});
