import { CompliancePolicy, ResourceCheck, resourcePolicy } from "../lib/policy";
import { read } from "../lib/props";
import { ECS_TASK_DEFINITION } from "../lib/resource-types";
import { containersOf } from "./container-definitions";

function validate(check: ResourceCheck): void {
  for (const container of containersOf(check, "whether a container is privileged")) {
    if (read.boolean(container.props, "privileged") === true) {
      check.violation(`${container.label} is privileged (root on the host): remove privileged and add only the capabilities it needs`);
    }
  }
}

export const ecsTaskNotPrivileged: CompliancePolicy = resourcePolicy({
  name: "ecs-task-not-privileged",
  description: "ECS containers must not run privileged.",
  severity: "high",
  enforcementLevel: "mandatory",
  resourceTypes: [ECS_TASK_DEFINITION],
  docs: {
    what: "No entry of `containerDefinitions` may set `privileged: true`.",
    why: "A privileged container has root on the host, so a compromised application controls the instance and the other tasks on it.",
    fix: "Remove `privileged`; if the container needs a specific capability, add just that one under `linuxParameters.capabilities.add`.",
    url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security",
    compliance: { nist: ["AC-6", "CM-7"] },
  },
  validate,
});
