// Entry point named by Pulumi.yaml: reads the configuration, wires the components, exports the outputs
// listed in docs/architecture.md. Components hold their children; nothing else is bound here.
import * as pulumi from "@pulumi/pulumi";
import { bucketArnOf, lookupAwsContext } from "./aws-context";
import { IMAGE_BUILDSPEC, TEST_BUILDSPEC } from "./buildspecs";
import { ArtifactBucket } from "./components/artifact-bucket";
import { BuildProject } from "./components/build-project";
import { ContainerService } from "./components/container-service";
import { DeliveryPipeline } from "./components/delivery-pipeline";
import { EncryptionKey } from "./components/encryption-key";
import { FailureNotifications } from "./components/failure-notifications";
import { ImageRepository } from "./components/image-repository";
import { Network } from "./components/network";
import { loadConfig } from "./config";
import { physicalNames } from "./names";
import { describePipeline } from "./pipeline/shape";
import { standardTags } from "./tags";

const config = loadConfig();
const context = lookupAwsContext(config.region);
const tags = standardTags(config);
// Every resource a policy document refers to has a physical name, so the documents are known during a
// preview and the policy pack can check them (stack/names.ts). Logical names stay short because the
// auto-named load balancer and target group are limited to 32 characters.
const names = physicalNames(config, context);
const env = config.environment;
const { logGroupPrefix } = names;
const containerName = "app";

const encryption = new EncryptionKey(`${env}-kms`, {
  context,
  aliasName: names.keyAlias,
  deletionWindowDays: config.kmsDeletionWindowDays,
  logGroupPrefix,
  tags,
});
const keyArn = encryption.key.arn;

// Server access logs of the artifact bucket: who read or replaced a deploy input, kept a year.
const accessLogs = new ArtifactBucket(`${env}-access-logs`, {
  context,
  bucketName: names.accessLogBucket,
  kmsKeyArn: keyArn,
  forceDestroy: !config.deletionProtection,
  noncurrentVersionDays: 30,
  expireAfterDays: 365,
  logDeliverySourceArn: bucketArnOf(context, names.artifactBucket),
  tags,
});

const artifacts = new ArtifactBucket(`${env}-artifacts`, {
  context,
  bucketName: names.artifactBucket,
  kmsKeyArn: keyArn,
  forceDestroy: !config.deletionProtection,
  noncurrentVersionDays: 30,
  accessLogs: { targetBucket: accessLogs.bucket.bucket, targetPrefix: "artifacts/" },
  tags,
});

const images = new ImageRepository(`${env}-images`, {
  context,
  repositoryName: names.imageRepository,
  kmsKeyArn: keyArn,
  forceDelete: !config.deletionProtection,
  keepImages: 30,
  tags,
});
const repository = images.repository;

const network = new Network(`${env}-net`, { availabilityZones: config.availabilityZones, tags });

const app = new ContainerService(`${env}-app`, {
  context,
  vpcId: network.vpc.id,
  vpcCidr: network.vpc.cidrBlock,
  publicSubnetIds: network.publicSubnetIds,
  privateSubnetIds: network.privateSubnetIds,
  clusterName: names.cluster,
  serviceName: names.service,
  taskRoleName: names.roles.task,
  executionRoleName: names.roles.taskExecution,
  family: names.taskFamily,
  containerName,
  // Until the pipeline's first deploy the service runs this image; see docs/deploying.md.
  image: config.containerImage ?? pulumi.interpolate`${images.repositoryUri}:initial`,
  imageRepositoryArn: images.repositoryArn,
  containerPort: config.containerPort,
  healthCheckPath: config.healthCheckPath,
  desiredCount: config.desiredCount,
  cpu: config.cpu,
  memory: config.memory,
  logGroupName: `${logGroupPrefix}/ecs/${containerName}`,
  logRetentionDays: config.logRetentionDays,
  kmsKeyArn: keyArn,
  allowedIngressCidr: config.allowedIngressCidr,
  certificateArn: config.certificateArn,
  accessLogsBucket: config.accessLogsBucket,
  deletionProtection: config.deletionProtection,
  tags,
});

const buildCommon = {
  context,
  artifactBucketArn: artifacts.bucketArn,
  kmsKeyArn: keyArn,
  kmsAliasName: names.keyAlias,
  logRetentionDays: config.logRetentionDays,
  tags,
};
const imageBuild = new BuildProject(`${env}-build`, {
  ...buildCommon,
  projectName: names.projects.build,
  roleName: names.roles.build,
  description: "Builds the application image, pushes it to ECR and writes imagedefinitions.json",
  buildspec: IMAGE_BUILDSPEC,
  privilegedReason: "builds and pushes the service's container image with docker",
  environment: { REPOSITORY_URI: repository.repositoryUrl, CONTAINER_NAME: containerName },
  extraStatements: [
    {
      // GetAuthorizationToken has no resource type: AWS only accepts "*" here.
      Sid: "EcrLogin",
      Effect: "Allow",
      Action: "ecr:GetAuthorizationToken",
      Resource: "*",
    },
    {
      Sid: "PushImage",
      Effect: "Allow",
      Action: [
        "ecr:BatchCheckLayerAvailability",
        "ecr:BatchGetImage",
        "ecr:CompleteLayerUpload",
        "ecr:GetDownloadUrlForLayer",
        "ecr:InitiateLayerUpload",
        "ecr:PutImage",
        "ecr:UploadLayerPart",
      ],
      Resource: images.repositoryArn,
    },
  ],
  logGroupName: `${logGroupPrefix}/codebuild/build`,
});
const testRun = new BuildProject(`${env}-test`, {
  ...buildCommon,
  projectName: names.projects.test,
  roleName: names.roles.test,
  description: "Runs the application's tests and a dependency audit",
  buildspec: TEST_BUILDSPEC,
  privilegedReason: undefined,
  environment: {},
  extraStatements: [],
  logGroupName: `${logGroupPrefix}/codebuild/test`,
});

const delivery = new DeliveryPipeline(`${env}-pipeline`, {
  context,
  shape: describePipeline({
    repository: config.githubRepo,
    branch: config.githubBranch,
    approvalRequired: config.approvalRequired,
  }),
  pipelineName: names.pipeline,
  roleName: names.roles.pipeline,
  connectionName: names.connection,
  artifactBucket: { name: artifacts.bucket.bucket, arn: artifacts.bucketArn },
  kmsKeyArn: keyArn,
  kmsAliasName: names.keyAlias,
  projects: {
    build: { name: imageBuild.project.name, arn: imageBuild.projectArn },
    test: { name: testRun.project.name, arn: testRun.projectArn },
  },
  clusterName: names.cluster,
  service: { name: app.service.name, arn: app.serviceArn },
  taskFamily: names.taskFamily,
  taskRoleArns: [app.taskRoleArn, app.executionRoleArn],
  tags,
});

const notifications = new FailureNotifications(`${env}-alerts`, {
  context,
  topicName: names.failureTopic,
  ruleName: names.failureRule,
  pipelineName: names.pipeline,
  pipelineArn: delivery.pipelineArn,
  kmsKeyArn: keyArn,
  email: config.notificationEmail,
  tags,
});

export const region = config.region;
export const kmsKeyArn = keyArn;
export const kmsKeyAlias = encryption.alias.name;
export const artifactBucketName = artifacts.bucket.bucket;
export const ecrRepositoryName = repository.name;
export const ecrRepositoryUrl = repository.repositoryUrl;
export const connectionArn = delivery.connection.arn;
export const buildProjectName = imageBuild.project.name;
export const testProjectName = testRun.project.name;
export const buildLogGroupName = imageBuild.logGroup.name;
export const testLogGroupName = testRun.logGroup.name;
export const pipelineName = delivery.pipeline.name;
export const pipelineConsoleUrl = pulumi.interpolate`https://${config.region}.console.aws.amazon.com/codesuite/codepipeline/pipelines/${delivery.pipeline.name}/view?region=${config.region}`;
export const clusterName = app.cluster.name;
export const serviceName = app.service.name;
export const serviceUrl = pulumi.interpolate`https://${app.loadBalancer.dnsName}`;
export const ecsLogGroupName = app.logGroup.name;
export const notificationTopicArn = notifications.topic.arn;
export const pipelineFailureRuleName = notifications.rule.name;
export const approvalRequired = config.approvalRequired;
