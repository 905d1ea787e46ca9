import { TestResource, unknown, urnOf } from "../harness";
import { stackFindings } from "../policy-under-test";

const POLICY = "ecr-repository-lifecycle-policy";
const REPOSITORY = "aws:ecr/repository:Repository";
const LIFECYCLE = "aws:ecr/lifecyclePolicy:LifecyclePolicy";

const repo: TestResource = { type: REPOSITORY, name: "app", props: { name: "app-images" } };
const previewLifecycle: TestResource = {
  type: LIFECYCLE,
  name: "app-lifecycle",
  props: { repository: unknown, policy: "{}" },
  propertyDependencies: { repository: [`${REPOSITORY}::app`] },
};

const findings = (resources: readonly TestResource[]) => stackFindings(POLICY, resources);

describe("ecr-repository-lifecycle-policy", () => {
  it("reports a repository without a lifecycle policy, as advisory", async () => {
    expect(await findings([repo])).toEqual([
      { policyName: POLICY, level: "advisory", urn: urnOf(REPOSITORY, "app"), message: "app has no LifecyclePolicy" },
    ]);
  });

  it("passes a lifecycle policy matched by property dependency or by repository name", async () => {
    expect(await findings([repo, previewLifecycle])).toEqual([]);
    expect(await findings([repo, { type: LIFECYCLE, name: "l", props: { repository: "app-images" } }])).toEqual([]);
  });

  it("reports a lifecycle policy of another repository", async () => {
    expect(await findings([repo, { type: LIFECYCLE, name: "l", props: { repository: "other" } }])).toHaveLength(1);
  });

  it("is undecided when a lifecycle policy's repository is unknown with no dependency", async () => {
    const [result] = await findings([repo, { type: LIFECYCLE, name: "l", props: { repository: unknown } }]);
    expect(result).toMatchObject({
      level: "advisory",
      message:
        "[undecided] cannot tell whether app has LifecyclePolicy: l's repository is unknown during preview and depends on no aws:ecr/repository:Repository",
    });
  });
});
