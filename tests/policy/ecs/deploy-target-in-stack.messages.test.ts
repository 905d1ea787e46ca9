// The whole message of each finding, as a pipeline author reads it: what was named, what the stack has,
// and what to change. Partial matches elsewhere leave lists, hints and the advice at the end unchecked.
import { type TestResource, unknown } from "../harness";
import { CLUSTER, cluster, deployStage, ecsDeploy, findings, pipeline, service } from "./deploy-target";

const ACTION = 'stage "Deploy", action "DeployToECS"';
const messages = async (resources: TestResource[]) => (await findings(resources)).map((d) => `${d.level} ${d.message}`);

describe("ecs-deploy-target-in-stack messages", () => {
  it("names the literal, and gives the auto-name hint only for a resource of that logical name", async () => {
    const deploy = pipeline(deployStage(ecsDeploy({ ClusterName: "app-cluster" })));
    expect(await messages([deploy, cluster("prod", { name: "prod-cluster" })])).toEqual([
      `mandatory ${ACTION}: ClusterName "app-cluster" names no cluster in this stack: pass the cluster's name output instead of a literal, ` +
        "or list it in the policy config externalClusters if it is managed elsewhere",
    ]);
  });

  it("lists every resource whose unknown name keeps it from matching", async () => {
    const deploy = pipeline(deployStage(ecsDeploy({ ClusterName: "app" })));
    expect(await messages([deploy, cluster("blue", { name: unknown }), cluster("green", { name: unknown })])).toEqual([
      `advisory [undecided] ${ACTION}: ClusterName "app": cannot match it, the name of blue, green is unknown during preview`,
    ]);
  });

  it("lists every remote component that may create the service, and says what to pass instead", async () => {
    const deploy = pipeline(deployStage(ecsDeploy({ ServiceName: "app-service" })));
    const fargate = (name: string): TestResource => ({ type: "awsx:ecs:FargateService", name, props: {} });
    expect(await messages([deploy, fargate("web"), fargate("worker")])).toEqual([
      `advisory [undecided] ${ACTION}: ServiceName "app-service": cannot match it, ` +
        'awsx:ecs:FargateService "web", awsx:ecs:FargateService "worker" may create that service ' +
        "but its children are only visible in a real preview (remote component); pass the service's name output instead of a literal",
    ]);
  });

  describe("pairing the service with the cluster", () => {
    const deploy = pipeline(deployStage(ecsDeploy({ ClusterName: "blue", ServiceName: "web" })));
    const clusters = [cluster("blue", { name: "blue" }), cluster("green", { name: "green" })];
    const where = `${ACTION}: ServiceName "web" in ClusterName "blue"`;

    it("says which cluster the service runs in and what to pass", async () => {
      expect(await messages([deploy, ...clusters, service("web", { name: "web", cluster: "green" })])).toEqual([
        `mandatory ${where}: the service does not belong to that cluster (service web refers to cluster "green"), so the action deploys ` +
          "to nowhere: pass the cluster's and service's name outputs of one pair",
      ]);
    });

    it("is undecided, with every service's reason, when one of the services of that name cannot be placed", async () => {
      const inGreen = service("web-green", { name: "web", cluster: "green" });
      const looked = service("web-looked-up", { name: "web", cluster: unknown });
      expect(await messages([deploy, ...clusters, inGreen, looked])).toEqual([
        `advisory [undecided] ${where}: cannot tell whether the service belongs to that cluster, ` +
          'service web-green refers to cluster "green"; service web-looked-up\'s cluster is unknown during preview and depends on ' +
          "no cluster of this stack (an existing one found with aws.ecs.getCluster?)",
      ]);
    });

    it("does not pair a service name that is not a literal with the stack's unnamed services", async () => {
      const unnamedService = pipeline(deployStage(ecsDeploy({ ClusterName: "blue", ServiceName: unknown })));
      expect(
        await findings([unnamedService, ...clusters, service("auto", { cluster: "green" }, { cluster: [`${CLUSTER}::green`] })]),
      ).toEqual([]);
    });
  });
});
