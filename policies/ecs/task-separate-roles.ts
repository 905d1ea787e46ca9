/**
 * At preview both ARNs are usually outputs (`role.arn`) and unknown: the policy then compares the
 * resources each input came from, which the engine sends with the stack. Different sources pass,
 * the same source is a finding, anything else is undecided. Hence a stack policy.
 */
import { CompliancePolicy, StackCheck, stackPolicy, Subject } from "../lib/policy";
import { isUnknown, read } from "../lib/props";
import { ECS_TASK_DEFINITION } from "../lib/resource-types";

const FINDING =
  "executionRoleArn and taskRoleArn name the same role: the application gets ECS's permissions (image pulls, logs, every task secret); use two roles";

function sourcesOf(task: Subject, input: string): ReadonlySet<string> {
  return new Set((task.propertyDependencies?.[input] ?? []).map((source) => source.urn));
}

function checkSources(check: StackCheck, task: Subject): void {
  const execution = sourcesOf(task, "executionRoleArn");
  const application = sourcesOf(task, "taskRoleArn");
  const shared = [...execution].filter((urn) => application.has(urn));
  if (execution.size > 0 && application.size > 0 && shared.length === 0) {
    return;
  }
  if (shared.length > 0 && shared.length === execution.size && shared.length === application.size) {
    check.violation(task, `${FINDING} (both come from ${shared.join(", ")})`);
    return;
  }
  check.undecided(
    task,
    "executionRoleArn or taskRoleArn is unknown during preview and the resources they come from do not tell whether they differ",
  );
}

function validate(check: StackCheck): void {
  for (const task of check.ofType(ECS_TASK_DEFINITION)) {
    const execution = read.string(task.props, "executionRoleArn");
    const application = read.string(task.props, "taskRoleArn");
    if (execution === undefined || application === undefined || execution === "" || application === "") {
      continue;
    }
    if (isUnknown(execution) || isUnknown(application)) {
      checkSources(check, task);
    } else if (execution === application) {
      check.violation(task, `${FINDING} (${execution})`);
    }
  }
}

export const ecsTaskSeparateRoles: CompliancePolicy = stackPolicy({
  name: "ecs-task-separate-roles",
  description: "ECS task definitions must use different roles for execution (ECS) and for the task (application).",
  severity: "medium",
  enforcementLevel: "advisory",
  docs: {
    what: "When a task definition sets both `executionRoleArn` and `taskRoleArn`, they must differ; at preview, the resources the two inputs come from must differ.",
    why: "The execution role pulls images, writes logs and reads every secret the task references; sharing it with the application grants the application all of that.",
    fix: "Create a task execution role (ECR pull, log writes, the task's secrets) and a separate task role with only what the application calls.",
    url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html",
    compliance: { nist: ["AC-6", "AC-5"] },
  },
  validate,
});
