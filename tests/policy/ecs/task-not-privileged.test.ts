import { analyzeResource, of } from "../harness";
import { container, task, TASK } from "./task-definition";

const POLICY = "ecs-task-not-privileged";

async function findings(props: Record<string, unknown>) {
  return of(POLICY, await analyzeResource(TASK, "task", props));
}

describe(POLICY, () => {
  it("passes unprivileged containers: privileged false, or absent as ECS's default false", async () => {
    expect(
      await findings(task([container(), container({ name: "b", privileged: undefined }), container({ name: "c", privileged: "true" })])),
    ).toEqual([]);
  });

  it("reports a privileged container, at mandatory", async () => {
    const result = await findings(task([container(), container({ name: "agent", privileged: true })]));
    expect(result).toEqual([
      expect.objectContaining({ level: "mandatory", message: expect.stringMatching(/^container "agent" is privileged/) }),
    ]);
  });
});
