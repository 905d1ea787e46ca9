// A healthy deployed stack as the AWS APIs would describe it; each test breaks one thing.
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { BatchGetProjectsCommand, CodeBuildClient } from "@aws-sdk/client-codebuild";
import { CodePipelineClient, GetPipelineCommand, ListPipelineExecutionsCommand } from "@aws-sdk/client-codepipeline";
import { CodeStarConnectionsClient, GetConnectionCommand } from "@aws-sdk/client-codestar-connections";
import { DescribeRepositoriesCommand, ECRClient } from "@aws-sdk/client-ecr";
import { DescribeServicesCommand, ECSClient } from "@aws-sdk/client-ecs";
import { DescribeRuleCommand, EventBridgeClient, ListTargetsByRuleCommand } from "@aws-sdk/client-eventbridge";
import { GetKeyRotationStatusCommand, KMSClient } from "@aws-sdk/client-kms";
import {
  GetBucketEncryptionCommand,
  GetBucketPolicyCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { GetTopicAttributesCommand, SNSClient } from "@aws-sdk/client-sns";
import { mockClient } from "aws-sdk-client-mock";
import { createClients } from "../../verify/clients";
import type { StackOutputs } from "../../verify/outputs";
import { runChecks } from "../../verify/run";
import type { Check, CheckResult } from "../../verify/types";

export const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
export const KEY_ARN = `arn:aws:kms:eu-west-1:123456789012:key/${KEY_ID}`;
export const TOPIC_ARN = "arn:aws:sns:eu-west-1:123456789012:pipeline-failures";

export const outputs: StackOutputs = {
  region: "eu-west-1",
  kmsKeyArn: KEY_ARN,
  kmsKeyAlias: "alias/pipeline-dev",
  artifactBucketName: "pipeline-artifacts-dev",
  ecrRepositoryName: "app",
  ecrRepositoryUrl: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app",
  connectionArn: "arn:aws:codeconnections:eu-west-1:123456789012:connection/abc",
  buildProjectName: "app-build",
  testProjectName: "app-test",
  buildLogGroupName: "/aws/codebuild/app-build",
  testLogGroupName: "/aws/codebuild/app-test",
  pipelineName: "app-pipeline",
  pipelineConsoleUrl: "https://console.aws.amazon.com/codesuite/codepipeline/pipelines/app-pipeline/view",
  clusterName: "app-cluster-1a2b",
  serviceName: "app-service-3c4d",
  serviceUrl: "http://app.example.com",
  ecsLogGroupName: "/ecs/app",
  notificationTopicArn: TOPIC_ARN,
  pipelineFailureRuleName: "pipeline-failed",
  approvalRequired: true,
};

export const mocks = {
  s3: mockClient(S3Client),
  ecr: mockClient(ECRClient),
  codebuild: mockClient(CodeBuildClient),
  codepipeline: mockClient(CodePipelineClient),
  connections: mockClient(CodeStarConnectionsClient),
  ecs: mockClient(ECSClient),
  kms: mockClient(KMSClient),
  logs: mockClient(CloudWatchLogsClient),
  events: mockClient(EventBridgeClient),
  sns: mockClient(SNSClient),
};

export const tlsOnlyPolicy = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    { Sid: "AllowPipeline", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:role/p" }, Action: "s3:GetObject" },
    { Sid: "DenyInsecure", Effect: "Deny", Principal: "*", Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
  ],
});

export const failurePattern = JSON.stringify({
  source: ["aws.codepipeline"],
  "detail-type": ["CodePipeline Pipeline Execution State Change"],
  detail: { state: ["FAILED"], pipeline: ["app-pipeline"] },
});

export function pipelineDeclaration() {
  return {
    name: outputs.pipelineName,
    pipelineType: "V2" as const,
    roleArn: "arn:aws:iam::123456789012:role/pipeline",
    artifactStore: { type: "S3" as const, location: outputs.artifactBucketName, encryptionKey: { id: KEY_ARN, type: "KMS" as const } },
    stages: [
      {
        name: "Source",
        actions: [
          {
            name: "Source",
            actionTypeId: { category: "Source" as const, owner: "AWS" as const, provider: "CodeStarSourceConnection", version: "1" },
          },
        ],
      },
      { name: "Build", actions: [] },
      { name: "Test", actions: [] },
      { name: "Approval", actions: [] },
      {
        name: "Deploy",
        actions: [
          {
            name: "Deploy",
            actionTypeId: { category: "Deploy" as const, owner: "AWS" as const, provider: "ECS", version: "1" },
            configuration: { ClusterName: outputs.clusterName, ServiceName: outputs.serviceName, FileName: "imagedefinitions.json" },
          },
        ],
      },
    ],
  };
}

const logGroup = (logGroupName: string) => ({ logGroupName, retentionInDays: 30, kmsKeyId: KEY_ARN });

/** Resets every mock and answers as a correctly deployed stack would. */
export function healthyStack(): void {
  for (const mock of Object.values(mocks)) mock.reset();
  mocks.s3.on(HeadBucketCommand).resolves({});
  mocks.s3.on(GetBucketVersioningCommand).resolves({ Status: "Enabled" });
  mocks.s3.on(GetBucketEncryptionCommand).resolves({
    ServerSideEncryptionConfiguration: {
      Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: KEY_ARN } }],
    },
  });
  mocks.s3.on(GetPublicAccessBlockCommand).resolves({
    PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
  });
  mocks.s3.on(GetBucketPolicyCommand).resolves({ Policy: tlsOnlyPolicy });
  mocks.ecr.on(DescribeRepositoriesCommand).resolves({
    repositories: [
      {
        repositoryName: "app",
        imageScanningConfiguration: { scanOnPush: true },
        imageTagMutability: "IMMUTABLE",
        encryptionConfiguration: { encryptionType: "KMS", kmsKey: KEY_ARN },
      },
    ],
  });
  mocks.codebuild.on(BatchGetProjectsCommand).callsFake((input: { names: string[] }) => ({
    projects: input.names.map((name) => ({
      name,
      encryptionKey: "alias/pipeline-dev",
      logsConfig: { cloudWatchLogs: { status: "ENABLED", groupName: `/aws/codebuild/${name}` } },
    })),
  }));
  mocks.codepipeline.on(GetPipelineCommand).resolves({ pipeline: pipelineDeclaration() });
  mocks.codepipeline.on(ListPipelineExecutionsCommand).resolves({
    pipelineExecutionSummaries: [
      {
        pipelineExecutionId: "exec-1",
        status: "Succeeded",
        startTime: new Date("2026-11-24T20:00:00Z"),
        lastUpdateTime: new Date("2026-11-24T20:12:00Z"),
      },
    ],
  });
  mocks.connections.on(GetConnectionCommand).resolves({ Connection: { ConnectionName: "github", ConnectionStatus: "AVAILABLE" } });
  mocks.ecs.on(DescribeServicesCommand).resolves({
    services: [{ serviceName: outputs.serviceName, status: "ACTIVE", runningCount: 2, desiredCount: 2 }],
  });
  mocks.kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: true });
  mocks.logs.on(DescribeLogGroupsCommand).callsFake((input: { logGroupNamePrefix: string }) => ({
    // A longer name sorts first, as the real prefix search can return it.
    logGroups: [logGroup(`${input.logGroupNamePrefix}-old`), logGroup(input.logGroupNamePrefix)],
  }));
  mocks.events.on(DescribeRuleCommand).resolves({ Name: outputs.pipelineFailureRuleName, State: "ENABLED", EventPattern: failurePattern });
  mocks.events.on(ListTargetsByRuleCommand).resolves({ Targets: [{ Id: "sns", Arn: TOPIC_ARN }] });
  mocks.sns.on(GetTopicAttributesCommand).resolves({ Attributes: { TopicArn: TOPIC_ARN, KmsMasterKeyId: "alias/pipeline-dev" } });
}

/** Runs one check as the verifier does (errors mapped), against `stackOutputs`. */
export async function runCheck(check: Check, stackOutputs: StackOutputs = outputs): Promise<CheckResult> {
  const [result] = await runChecks([check], { outputs: stackOutputs, clients: createClients(stackOutputs.region) });
  return result;
}

/** An error as the SDK raises it: the service's error code is the error's name. */
export function awsError(name: string, message = `${name} from AWS`): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}
