import { BUILD_ENVIRONMENT } from "../../../fixtures/shared/shapes";

/** A CodeBuild project as the reference stack builds it: every CodeBuild policy passes on it. */
export const PROJECT = "aws:codebuild/project:Project";

export function project(overrides: Record<string, unknown> = {}, environment: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    serviceRole: "arn:aws:iam::111111111111:role/build",
    encryptionKey: "arn:aws:kms:us-east-1:111111111111:key/abc",
    source: { type: "CODEPIPELINE", buildspec: "version: 0.2" },
    artifacts: { type: "CODEPIPELINE" },
    environment: {
      ...BUILD_ENVIRONMENT,
      environmentVariables: [{ name: "CONTAINER_NAME", value: "app", type: "PLAINTEXT" }],
      ...environment,
    },
    logsConfig: { cloudwatchLogs: { status: "ENABLED", groupName: "/app/dev/codebuild/build" }, s3Logs: { status: "DISABLED" } },
    tags: { project: "app" },
    ...overrides,
  };
}
