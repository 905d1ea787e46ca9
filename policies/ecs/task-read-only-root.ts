/**
 * No remediation: an application that writes to its root filesystem would fail at run time.
 */
import { nameMatches } from "../lib/names";
import { CompliancePolicy, ResourceCheck, resourcePolicy, stringList } from "../lib/policy";
import { knownOr, read } from "../lib/props";
import { ECS_TASK_DEFINITION } from "../lib/resource-types";
import { containersOf } from "./container-definitions";

function validate(check: ResourceCheck): void {
  const allowed = knownOr(read.array(check.config, "allowedContainers"), []);
  for (const container of containersOf(check, "the containers' root filesystems")) {
    if (read.boolean(container.props, "readonlyRootFilesystem") !== true && !nameMatches(allowed, [container.name])) {
      check.violation(
        `${container.label} has a writable root filesystem: set readonlyRootFilesystem true and mount a volume where it must write, ` +
          "or list it in the policy config allowedContainers",
      );
    }
  }
}

export const ecsTaskReadOnlyRoot: CompliancePolicy = resourcePolicy({
  name: "ecs-task-read-only-root",
  description: "ECS containers should run with a read-only root filesystem.",
  severity: "medium",
  enforcementLevel: "advisory",
  resourceTypes: [ECS_TASK_DEFINITION],
  config: {
    allowedContainers: stringList("Container names (`*` wildcards) allowed a writable root filesystem."),
  },
  docs: {
    what: "Each entry of `containerDefinitions` must set `readonlyRootFilesystem: true`, unless its name is in the config `allowedContainers`.",
    why: "A writable root filesystem lets an intruder persist tools and modify the application's files; read-only confines writes to explicit volumes.",
    fix: "Set `readonlyRootFilesystem: true` and mount a task volume at the paths the application writes to (for example `/tmp`).",
    url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_storage",
    compliance: { nist: ["CM-7", "SI-7"] },
  },
  validate,
});
