import type { CompliancePolicy } from "../lib/policy";
import { ecsContainerInsights } from "./container-insights";
import { deployTargetInStack } from "./deploy-target-in-stack";
import { ecsServiceNoPublicIp } from "./service-no-public-ip";
import { ecsTaskLogging } from "./task-logging";
import { ecsTaskNoPlaintextSecrets } from "./task-no-plaintext-secrets";
import { ecsTaskNotPrivileged } from "./task-not-privileged";
import { ecsTaskReadOnlyRoot } from "./task-read-only-root";
import { ecsTaskSeparateRoles } from "./task-separate-roles";

export const ecsPolicies: readonly CompliancePolicy[] = [
  deployTargetInStack,
  ecsContainerInsights,
  ecsTaskLogging,
  ecsTaskNotPrivileged,
  ecsTaskReadOnlyRoot,
  ecsTaskNoPlaintextSecrets,
  ecsTaskSeparateRoles,
  ecsServiceNoPublicIp,
];
