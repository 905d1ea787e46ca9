import { DescribeServicesCommand } from "@aws-sdk/client-ecs";
import { call } from "../aws-errors";
import { type Check, fail, pass } from "../types";

const serviceRunning: Check = {
  id: "ecs.service",
  title: "ECS service is ACTIVE with all desired tasks running",
  async run({ outputs, clients }) {
    const { clusterName: cluster, serviceName } = outputs;
    const res = await call("ecs:DescribeServices", () =>
      clients.ecs.send(new DescribeServicesCommand({ cluster, services: [serviceName] })),
    );
    const service = res.services?.find((s) => s.serviceName === serviceName);
    if (!service) {
      const reason = res.failures?.[0]?.reason ?? "not returned";
      return fail(`service '${serviceName}' in cluster '${cluster}': ${reason}`);
    }
    const { status, runningCount = 0, desiredCount = 0 } = service;
    if (status !== "ACTIVE") return fail(`service status is ${status}, expected ACTIVE`);
    if (desiredCount === 0) return fail("desiredCount is 0; the service runs no task");
    return runningCount === desiredCount
      ? pass(`${runningCount}/${desiredCount} tasks running`)
      : fail(`${runningCount}/${desiredCount} tasks running; see the service's events and ${outputs.ecsLogGroupName}`);
  },
};

export const ecsChecks: readonly Check[] = [serviceRunning];
