import { analyzeResource, of, unknown } from "../harness";
import { container, task, TASK } from "./task-definition";

const POLICY = "ecs-task-read-only-root";

async function findings(props: Record<string, unknown>, config?: Record<string, unknown>) {
  return of(POLICY, await analyzeResource(TASK, "task", props, { config: config && { [POLICY]: config } }));
}

const writable = task([
  container(),
  container({ name: "legacy-agent", readonlyRootFilesystem: false }),
  container({ name: "proxy", readonlyRootFilesystem: undefined }),
]);

describe(POLICY, () => {
  it("passes read-only root filesystems", async () => {
    expect(await findings(task())).toEqual([]);
  });

  it("reports each writable root filesystem, readonlyRootFilesystem false or absent (ECS's default false), at advisory", async () => {
    const result = await findings(writable);
    expect(result.map((d) => d.message)).toEqual([
      expect.stringMatching(/^container "legacy-agent" has a writable root filesystem/),
      expect.stringMatching(/^container "proxy" has a writable root filesystem/),
    ]);
    expect(result.every((d) => d.level === "advisory")).toBe(true);
    expect(result[0].message).toMatch(
      /: set readonlyRootFilesystem true and mount a volume where it must write, or list it in the policy config allowedContainers$/,
    );
  });

  it("is undecided, not silent, when the container definitions are unknown", async () => {
    expect((await findings(task(unknown))).map((d) => d.message)).toEqual([
      expect.stringMatching(/^\[undecided\] containerDefinitions is unknown during preview: cannot check the containers' root filesystems/),
    ]);
  });

  it("allows the containers named in allowedContainers, with wildcards", async () => {
    expect((await findings(writable, { allowedContainers: ["legacy-*"] })).map((d) => d.message)).toEqual([
      expect.stringContaining('container "proxy"'),
    ]);
    expect(await findings(writable, { allowedContainers: ["legacy-agent", "proxy"] })).toEqual([]);
  });

  it("cannot allow a container without a name", async () => {
    expect(
      await findings(task([container({ name: undefined, readonlyRootFilesystem: false })]), { allowedContainers: ["*"] }),
    ).toHaveLength(1);
  });
});
