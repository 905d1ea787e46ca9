import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { CodeBuildClient } from "@aws-sdk/client-codebuild";
import { CodePipelineClient } from "@aws-sdk/client-codepipeline";
import { CodeStarConnectionsClient } from "@aws-sdk/client-codestar-connections";
import { ECRClient } from "@aws-sdk/client-ecr";
import { ECSClient } from "@aws-sdk/client-ecs";
import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { KMSClient } from "@aws-sdk/client-kms";
import { S3Client } from "@aws-sdk/client-s3";
import { SNSClient } from "@aws-sdk/client-sns";

export interface AwsClients {
  s3: S3Client;
  ecr: ECRClient;
  codebuild: CodeBuildClient;
  codepipeline: CodePipelineClient;
  // No codeconnections client is published on the npm registry; the CodeStar Connections API is the same
  // service under its former name and GetConnection accepts arn:aws:codeconnections:... ARNs as well.
  connections: CodeStarConnectionsClient;
  ecs: ECSClient;
  kms: KMSClient;
  logs: CloudWatchLogsClient;
  events: EventBridgeClient;
  sns: SNSClient;
}

/** One client per service, all in the stack's region (credentials from the SDK's default chain). */
export function createClients(region: string): AwsClients {
  const config = { region };
  return {
    s3: new S3Client(config),
    ecr: new ECRClient(config),
    codebuild: new CodeBuildClient(config),
    codepipeline: new CodePipelineClient(config),
    connections: new CodeStarConnectionsClient(config),
    ecs: new ECSClient(config),
    kms: new KMSClient(config),
    logs: new CloudWatchLogsClient(config),
    events: new EventBridgeClient(config),
    sns: new SNSClient(config),
  };
}
