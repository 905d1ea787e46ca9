import { analyzeResource, of } from "../harness";
import { container, task, TASK } from "./task-definition";

const POLICY = "ecs-task-logging";

async function findings(props: Record<string, unknown>) {
  return of(POLICY, await analyzeResource(TASK, "task", props));
}

describe(POLICY, () => {
  it("passes containers with a log driver", async () => {
    expect(await findings(task([container(), container({ name: "sidecar", logConfiguration: { logDriver: "awsfirelens" } })]))).toEqual([]);
  });

  it("reports each container without a log driver, at advisory", async () => {
    const containers = [
      container(),
      container({ name: "sidecar", logConfiguration: undefined }),
      container({ name: "proxy", logConfiguration: { logDriver: "" } }),
    ];
    const result = await findings(task(containers));
    expect(result.map((d) => d.message)).toEqual([
      expect.stringMatching(/^container "sidecar" has no logConfiguration\.logDriver/),
      expect.stringMatching(/^container "proxy" has no logConfiguration\.logDriver/),
    ]);
    expect(result.every((d) => d.level === "advisory")).toBe(true);
  });
});
