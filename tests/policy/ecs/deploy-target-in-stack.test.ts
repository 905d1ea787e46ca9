import { secret, type TestResource, unknown, urnOf, verdicts } from "../harness";
import { CLUSTER, cluster, deployStage, ecsDeploy, findings, PIPELINE, pipeline, service } from "./deploy-target";

describe("ecs-deploy-target-in-stack", () => {
  it("reports known failure #7 against the pipeline: literal names that match nothing", async () => {
    const result = await findings([
      pipeline(deployStage(ecsDeploy({ ClusterName: "app-cluster", ServiceName: "app-service" }))),
      cluster("cluster", { name: "prod-cluster" }),
      service("service", { name: "web" }),
    ]);
    expect(result).toEqual([
      expect.objectContaining({
        level: "mandatory",
        urn: urnOf(PIPELINE, "pipeline"),
        message: expect.stringContaining('ClusterName "app-cluster" names no cluster'),
      }),
      expect.objectContaining({
        level: "mandatory",
        urn: urnOf(PIPELINE, "pipeline"),
        message: expect.stringContaining('ServiceName "app-service" names no service'),
      }),
    ]);
    expect(result[0].message).toMatch(/^stage "Deploy", action "DeployToECS"/);
  });

  it("reports every deploy action whose literal matches nothing, not only the first", async () => {
    const actions = [ecsDeploy({ ClusterName: "blue" }), ecsDeploy({ ClusterName: "green" }, { name: "DeployGreen" })];
    const result = await findings([pipeline(deployStage(...actions)), cluster("cluster", { name: "prod-cluster" })]);
    expect(result.map((d) => d.message)).toEqual([
      expect.stringContaining('ClusterName "blue" names no cluster'),
      expect.stringContaining('ClusterName "green" names no cluster'),
    ]);
  });

  it("passes the right snippet: names equal to the stack's clusters and services (known at preview)", async () => {
    const result = await findings([
      pipeline(deployStage(ecsDeploy({ ClusterName: "app-cluster-1a2b3c4", ServiceName: "app-service" }))),
      cluster("app-cluster", { name: "app-cluster-1a2b3c4" }),
      service("app-service", { name: "app-service", cluster: unknown }, { cluster: [`${CLUSTER}::app-cluster`] }),
    ]);
    expect(result).toEqual([]);
  });

  it("passes names that are outputs unknown at preview", async () => {
    const result = await findings([
      pipeline(deployStage(ecsDeploy({ ClusterName: unknown, ServiceName: unknown }))),
      cluster("app-cluster", {}),
    ]);
    expect(result).toEqual([]);
  });

  it("explains that an auto-named resource cannot be matched by its logical name", async () => {
    const result = await findings([pipeline(deployStage(ecsDeploy({ ClusterName: "app-cluster" }))), cluster("app-cluster", {})]);
    expect(result.map((d) => d.message)).toEqual([
      expect.stringContaining('resource "app-cluster" exists, but without a literal name Pulumi auto-names it'),
    ]);
  });

  it("judges an auto-named resource alike with its name absent (offline) or filled in by the provider's Check", async () => {
    const deploying = (ClusterName: unknown) => pipeline(deployStage(ecsDeploy({ ClusterName })));
    expect(verdicts(await findings([deploying("app-cluster"), cluster("app-cluster", {})]))).toEqual(["mandatory"]);
    expect(verdicts(await findings([deploying("app-cluster"), cluster("app-cluster", { name: "app-cluster-1a2b3c4" })]))).toEqual([
      "mandatory",
    ]);
    // `cluster.name` as the action's value: unknown offline, the auto-name in a real first preview.
    expect(verdicts(await findings([deploying(unknown), cluster("app-cluster", {})]))).toEqual([]);
    expect(verdicts(await findings([deploying("app-cluster-1a2b3c4"), cluster("app-cluster", { name: "app-cluster-1a2b3c4" })]))).toEqual(
      [],
    );
  });

  it("accepts names listed as external in the config", async () => {
    const resources = [pipeline(deployStage(ecsDeploy({ ClusterName: "shared", ServiceName: "web" })))];
    expect(await findings(resources, { externalClusters: ["shared"], externalServices: ["web"] })).toEqual([]);
    expect((await findings(resources, { externalClusters: ["shared"] })).map((d) => d.message)).toEqual([
      expect.stringContaining("ServiceName"),
    ]);
  });

  it("checks CodeDeployToECS actions against CodeDeploy applications and deployment groups", async () => {
    const action = ecsDeploy({ ApplicationName: "app", DeploymentGroupName: "blue-green" }, { provider: "CodeDeployToECS" });
    const application = { type: "aws:codedeploy/application:Application", name: "app", props: { name: "app", computePlatform: "ECS" } };
    const group = {
      type: "aws:codedeploy/deploymentGroup:DeploymentGroup",
      name: "dg",
      props: { deploymentGroupName: "blue-green", appName: "app" },
    };
    expect(await findings([pipeline(deployStage(action)), application, group])).toEqual([]);
    const missing = await findings([pipeline(deployStage(action))]);
    expect(missing.map((d) => d.message)).toEqual([
      expect.stringContaining("names no CodeDeploy application"),
      expect.stringContaining("names no CodeDeploy deployment group"),
    ]);
    expect(
      await findings([pipeline(deployStage(action))], { externalApplications: ["app"], externalDeploymentGroups: ["blue-green"] }),
    ).toEqual([]);
  });

  it("reads secret literals as their values", async () => {
    const result = await findings([pipeline(deployStage(ecsDeploy({ ClusterName: secret("ghost") })))]);
    expect(result.map((d) => d.message)).toEqual([expect.stringContaining('ClusterName "ghost"')]);
  });

  it("reports undecided, never a silent pass, when it cannot compare", async () => {
    // Each message says what could not be seen, so that the author knows what to make known.
    const action = 'stage "Deploy", action "DeployToECS"';
    const cases: [TestResource[], string][] = [
      [
        [pipeline(deployStage(ecsDeploy({ ClusterName: "app" }))), cluster("c", { name: unknown })],
        `${action}: ClusterName "app": cannot match it, the name of c is unknown during preview`,
      ],
      [
        [pipeline(deployStage(ecsDeploy({ ClusterName: "#{variables.cluster}" })))],
        `${action}: ClusterName "#{variables.cluster}" is a pipeline variable, resolved only at run time`,
      ],
      [[pipeline(unknown)], "stages is unknown during preview: cannot check its deploy actions"],
      [[pipeline(deployStage(unknown))], "stages.1.actions.0 is unknown during preview: cannot check its deploy actions"],
      [
        [pipeline(deployStage(ecsDeploy({ ClusterName: "app" }, { category: unknown })))],
        `${action}: its category or provider is unknown during preview`,
      ],
      [
        [pipeline(deployStage(ecsDeploy({ ClusterName: "app" }, { provider: unknown })))],
        `${action}: its category or provider is unknown during preview`,
      ],
    ];
    for (const [resources, message] of cases) {
      const result = await findings(resources);
      expect(result).toEqual([
        expect.objectContaining({ level: "advisory", urn: urnOf(PIPELINE, "pipeline"), message: `[undecided] ${message}` }),
      ]);
    }
  });

  it("ignores other actions, multi-stage pipelines without ECS deploys, and stacks without pipelines", async () => {
    const other = ecsDeploy({ ClusterName: "nowhere" }, { category: "Build" });
    const s3Deploy = ecsDeploy({ ClusterName: "nowhere" }, { provider: "S3" });
    const providerless = ecsDeploy({ ClusterName: "nowhere" }, { provider: null });
    const prototypeKey = ecsDeploy({ ClusterName: "nowhere" }, { provider: "constructor" });
    expect(await findings([pipeline(deployStage(other, s3Deploy, providerless, prototypeKey))])).toEqual([]);
    expect(await findings([cluster("c", { name: "x" })])).toEqual([]);
    expect(await findings([pipeline(deployStage(ecsDeploy({})))])).toEqual([]);
  });
});
