/** Task definitions shaped like the reference stack's: every ECS task policy passes on `task()`. */
export const TASK = "aws:ecs/taskDefinition:TaskDefinition";

type Props = Record<string, unknown>;

export const container = (extra: Props = {}): Props => ({
  name: "app",
  image: "111111111111.dkr.ecr.us-east-1.amazonaws.com/app:1",
  essential: true,
  readonlyRootFilesystem: true,
  privileged: false,
  environment: [{ name: "PORT", value: "8080" }],
  logConfiguration: {
    logDriver: "awslogs",
    options: { "awslogs-group": "/app/ecs/app", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "app" },
  },
  ...extra,
});

/** `containers` is serialised as the provider takes it, unless it is already a string or not a list. */
export function task(containers: unknown = [container()], extra: Props = {}): Props {
  return {
    family: "app",
    networkMode: "awsvpc",
    requiresCompatibilities: ["FARGATE"],
    executionRoleArn: "arn:aws:iam::111111111111:role/execution",
    taskRoleArn: "arn:aws:iam::111111111111:role/task",
    containerDefinitions: Array.isArray(containers) ? JSON.stringify(containers) : containers,
    ...extra,
  };
}
