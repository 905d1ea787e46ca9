import { CompliancePolicy, ResourceCheck, resourcePolicy } from "../lib/policy";
import { read } from "../lib/props";
import { ECS_TASK_DEFINITION } from "../lib/resource-types";
import { containersOf } from "./container-definitions";

function validate(check: ResourceCheck): void {
  for (const container of containersOf(check, "the containers' log configuration")) {
    const driver = read.string(container.props, "logConfiguration.logDriver");
    if (typeof driver !== "string" || driver === "") {
      check.violation(`${container.label} has no logConfiguration.logDriver: its output is lost; configure the awslogs driver`);
    }
  }
}

export const ecsTaskLogging: CompliancePolicy = resourcePolicy({
  name: "ecs-task-logging",
  description: "Every container of an ECS task definition must have a log configuration.",
  severity: "medium",
  enforcementLevel: "advisory",
  resourceTypes: [ECS_TASK_DEFINITION],
  docs: {
    what: "Each entry of `containerDefinitions` must set `logConfiguration.logDriver`.",
    why: "A container without a log driver loses its output: there is no trail of what the application did.",
    fix: 'Add `logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": group.name, "awslogs-region": region, "awslogs-stream-prefix": name } }` to every container.',
    url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html",
    compliance: { nist: ["AU-2", "AU-12"], pci: ["10.2.1"] },
  },
  validate,
});
