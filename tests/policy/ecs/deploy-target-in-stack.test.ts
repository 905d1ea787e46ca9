import { analyzeStack, of, secret, TestResource, unknown, urnOf, verdicts } from "../harness";

const POLICY = "ecs-deploy-target-in-stack";
const PIPELINE = "aws:codepipeline/pipeline:Pipeline";
const CLUSTER = "aws:ecs/cluster:Cluster";
const SERVICE = "aws:ecs/service:Service";

const ecsDeploy = (configuration: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  name: "DeployToECS",
  category: "Deploy",
  owner: "AWS",
  provider: "ECS",
  version: "1",
  inputArtifacts: ["build"],
  configuration: { FileName: "imagedefinitions.json", ...configuration },
  ...extra,
});

const pipeline = (stages: unknown): TestResource => ({
  type: PIPELINE,
  name: "pipeline",
  props: { name: "app", artifactStores: [{ location: "bucket", type: "S3" }], stages },
});

const deployStage = (...actions: unknown[]) => [
  { name: "Source", actions: [{ name: "Source", category: "Source", owner: "AWS", provider: "CodeStarSourceConnection", version: "1" }] },
  { name: "Deploy", actions },
];

const cluster = (name: string, props: Record<string, unknown>): TestResource => ({ type: CLUSTER, name, props });
const service = (name: string, props: Record<string, unknown>, propertyDependencies?: Record<string, string[]>): TestResource => ({
  type: SERVICE,
  name,
  props,
  propertyDependencies,
});

async function findings(resources: TestResource[], config?: Record<string, unknown>) {
  return of(POLICY, await analyzeStack(resources, { config: config && { [POLICY]: config } }));
}

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
  describe("pairs the named service with the named cluster, and the deployment group with the application", () => {
    const deploy = pipeline(deployStage(ecsDeploy({ ClusterName: "blue", ServiceName: "web" })));
    const clusters = [cluster("blue", { name: "blue" }), cluster("green", { name: "green" })];
    const runsIn = (clusterName: string) => service("web", { name: "web", cluster: unknown }, { cluster: [`${CLUSTER}::${clusterName}`] });
    const messages = async (resources: TestResource[], config?: Record<string, unknown>) =>
      (await findings(resources, config)).map((d) => d.level + " " + d.message);

    it("reports a service that runs in another cluster of the stack, at mandatory, against the pipeline", async () => {
      const result = await findings([deploy, ...clusters, runsIn("green")]);
      expect(result).toEqual([
        expect.objectContaining({
          level: "mandatory",
          urn: urnOf(PIPELINE, "pipeline"),
          message: expect.stringContaining(
            'ServiceName "web" in ClusterName "blue": the service does not belong to that cluster (service web runs in cluster green ("green"))',
          ),
        }),
      ]);
    });

    it("passes the service of that cluster, by dependency, by name, by ARN, or any of several services of that name", async () => {
      expect(await findings([deploy, ...clusters, runsIn("blue")])).toEqual([]);
      expect(await findings([deploy, ...clusters, service("web", { name: "web", cluster: "blue" })])).toEqual([]);
      expect(
        await findings([deploy, ...clusters, service("web", { name: "web", cluster: "arn:aws:ecs:us-east-1:111111111111:cluster/blue" })]),
      ).toEqual([]);
      const other = service("web-green", { name: "web", cluster: "green" });
      expect(await findings([deploy, ...clusters, other, runsIn("blue")])).toEqual([]);
    });

    it("reports known references to other clusters: of the stack, existing ones (a lookup), and ECS's default for an absent cluster", async () => {
      expect(await messages([deploy, ...clusters, service("web", { name: "web", cluster: "green" })])).toEqual([
        expect.stringMatching(/^mandatory .*service web refers to cluster "green"\)/),
      ]);
      const existing = service("web", { name: "web", cluster: "arn:aws:ecs:us-east-1:111111111111:cluster/shared" });
      expect(await messages([deploy, ...clusters, existing])).toEqual([
        expect.stringContaining(
          'refers to cluster "shared", an existing cluster this stack does not create (e.g. found with aws.ecs.getCluster)',
        ),
      ]);
      expect(await messages([deploy, ...clusters, service("web", { name: "web" })])).toEqual([
        expect.stringContaining('refers to cluster "default" (no cluster input: the default one)'),
      ]);
    });

    it("reports a service of an auto-named cluster: its name gets a random suffix", async () => {
      expect(await messages([deploy, cluster("blue", { name: "blue" }), cluster("auto", {}), runsIn("auto")])).toEqual([
        expect.stringContaining("runs in cluster auto (auto-named)"),
      ]);
    });

    it("takes a cluster found with a lookup like the external list: existing, and on trust when the action names an external one", async () => {
      const looked = service("web", { name: "web", cluster: unknown });
      expect(
        await findings([pipeline(deployStage(ecsDeploy({ ClusterName: "shared", ServiceName: "web" }))), looked], {
          externalClusters: ["shared"],
        }),
      ).toEqual([]);
      expect(await messages([deploy, ...clusters, looked])).toEqual([
        expect.stringMatching(
          /^advisory \[undecided\] .*service web's cluster is unknown during preview and depends on no cluster of this stack \(an existing one found with aws.ecs.getCluster\?\)/,
        ),
      ]);
    });

    it("is undecided when the name of the service's cluster is unknown", async () => {
      const result = await messages([deploy, cluster("blue", { name: "blue" }), cluster("green", { name: unknown }), runsIn("green")]);
      expect(result).toEqual([
        expect.stringMatching(
          /^advisory \[undecided\] .*ClusterName "blue".*the name of green, the cluster of service web, is not known during preview/,
        ),
      ]);
    });

    it("skips the pairing when either value is not a literal, or the service is not in the stack", async () => {
      const unknownCluster = pipeline(deployStage(ecsDeploy({ ClusterName: unknown, ServiceName: "web" })));
      expect(await findings([unknownCluster, ...clusters, runsIn("green")])).toEqual([]);
      const variable = pipeline(deployStage(ecsDeploy({ ClusterName: "blue", ServiceName: "#{variables.service}" })));
      expect(await messages([variable, ...clusters, runsIn("green")])).toEqual([expect.stringContaining("is a pipeline variable")]);
      expect(await findings([deploy, ...clusters], { externalServices: ["web"] })).toEqual([]);
    });

    it("checks that the CodeDeploy deployment group belongs to the named application", async () => {
      const action = ecsDeploy({ ApplicationName: "app", DeploymentGroupName: "blue-green" }, { provider: "CodeDeployToECS" });
      const application = (name: string): TestResource => ({
        type: "aws:codedeploy/application:Application",
        name,
        props: { name, computePlatform: "ECS" },
      });
      const group = (appName: unknown, deps?: string[]): TestResource => ({
        type: "aws:codedeploy/deploymentGroup:DeploymentGroup",
        name: "dg",
        props: { deploymentGroupName: "blue-green", appName },
        propertyDependencies: deps && { appName: deps },
      });
      const result = await messages([
        pipeline(deployStage(action)),
        application("app"),
        application("other"),
        group(unknown, ["aws:codedeploy/application:Application::other"]),
      ]);
      expect(result).toEqual([
        expect.stringMatching(
          /^mandatory .*DeploymentGroupName "blue-green" in ApplicationName "app": the deployment group does not belong to that CodeDeploy application/,
        ),
      ]);
      expect(await messages([pipeline(deployStage(action)), application("app"), group(undefined)])).toEqual([
        expect.stringMatching(
          /^advisory \[undecided\] .*deployment group dg's appName is unknown during preview .*aws.codedeploy.getApplication/,
        ),
      ]);
    });
  });

  describe("remote (awsx) components, whose children only a real preview shows", () => {
    const FARGATE = "awsx:ecs:FargateService";
    const fargate: TestResource = { type: FARGATE, name: "web", props: { cluster: unknown } };
    const deploy = pipeline(deployStage(ecsDeploy({ ClusterName: "app-cluster", ServiceName: "app-service" })));
    const appCluster = cluster("app-cluster", { name: "app-cluster" });

    it("is undecided about a service literal while a component that creates services shows no children", async () => {
      const result = await findings([deploy, appCluster, fargate]);
      expect(result).toEqual([
        expect.objectContaining({
          level: "advisory",
          urn: urnOf(PIPELINE, "pipeline"),
          message: expect.stringMatching(
            /^\[undecided\] .*ServiceName "app-service": cannot match it, awsx:ecs:FargateService "web" may create that service/,
          ),
        }),
      ]);
    });

    it("judges by the children once they are visible, as in a real preview", async () => {
      const child = (name: string): TestResource => ({
        ...service("web-service", { name, cluster: "app-cluster" }),
        parent: `${FARGATE}::web`,
      });
      expect(await findings([deploy, appCluster, fargate, child("app-service")])).toEqual([]);
      expect((await findings([deploy, appCluster, fargate, child("other")])).map((d) => d.level + " " + d.message)).toEqual([
        expect.stringMatching(/^mandatory .*ServiceName "app-service" names no service/),
      ]);
    });

    it("still reports a cluster literal that matches nothing: these components create no clusters", async () => {
      const result = await findings([pipeline(deployStage(ecsDeploy({ ClusterName: "ghost" }))), fargate]);
      expect(result.map((d) => d.level + " " + d.message)).toEqual([
        expect.stringMatching(/^mandatory .*ClusterName "ghost" names no cluster/),
      ]);
    });
  });
});
