/**
 * No remediation: tasks in public subnets without NAT or endpoints could no longer pull images.
 */
import { nameMatches } from "../lib/names";
import { CompliancePolicy, ResourceCheck, resourcePolicy, stringList } from "../lib/policy";
import { knownOr, need, read } from "../lib/props";
import { ECS_SERVICE } from "../lib/resource-types";

function validate(check: ResourceCheck): void {
  const props = check.resource.props;
  if (need.boolean(props, "networkConfiguration.assignPublicIp") !== true) {
    return;
  }
  const allowed = knownOr(read.array(check.config, "allowedServices"), []);
  if (!nameMatches(allowed, [check.resource.name, read.string(props, "name")])) {
    check.violation(
      "networkConfiguration.assignPublicIp is true: tasks are reachable from the internet; run them in private subnets behind a load balancer, " +
        "or list the service in the policy config allowedServices",
    );
  }
}

export const ecsServiceNoPublicIp: CompliancePolicy = resourcePolicy({
  name: "ecs-service-no-public-ip",
  description: "ECS services must not give their tasks public IP addresses.",
  severity: "high",
  enforcementLevel: "mandatory",
  resourceTypes: [ECS_SERVICE],
  config: {
    allowedServices: stringList("Services (logical name or `name` input; `*` wildcards) allowed to assign public IPs."),
  },
  docs: {
    what: "`networkConfiguration.assignPublicIp` must not be `true`, unless the service is in the config `allowedServices`.",
    why: "A public IP makes every task reachable from the internet, protected by its security group alone.",
    fix: "Set `assignPublicIp: false`, place tasks in private subnets with NAT or VPC endpoints, and expose them through a load balancer.",
    url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html",
    compliance: { nist: ["SC-7", "AC-4"], pci: ["1.4.1"] },
  },
  validate,
});
