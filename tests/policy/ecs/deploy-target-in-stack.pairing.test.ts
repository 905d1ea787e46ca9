import { type TestResource, unknown, urnOf } from "../harness";
import { CLUSTER, cluster, deployStage, ecsDeploy, findings, PIPELINE, pipeline, service } from "./deploy-target";

describe("ecs-deploy-target-in-stack", () => {
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
