// Entry point named by Pulumi.yaml: reads the configuration, wires the components, exports the outputs
// listed in docs/architecture.md. Components hold their children; nothing else is bound here.
import * as pulumi from "@pulumi/pulumi";
import { lookupAwsContext } from "./aws-context";
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
import { describePipeline } from "./pipeline/shape";
import { standardTags } from "./tags";

const config = loadConfig();
const context = lookupAwsContext(config.region);
const tags = standardTags(config);
// Physical names that must be unique in the account (alias, connection, task family) carry the project;
// component names stay short because load balancer and target group names are limited to 32 characters.
const prefix = `${config.project}-${config.environment}`;
const env = config.environment;
// Log groups get fixed names under one prefix so the key policy can admit exactly them.
const logGroupPrefix = `/${config.project}/${config.environment}`;
const containerName = "app";
const taskFamily = `${prefix}-app`;

const encryption = new EncryptionKey(`${env}-kms`, {
    context,
    aliasName: `alias/${prefix}`,
    deletionWindowDays: config.kmsDeletionWindowDays,
    logGroupPrefix,
    tags,
});
const keyArn = encryption.key.arn;

const artifacts = new ArtifactBucket(`${env}-artifacts`, {
    kmsKeyArn: keyArn,
    forceDestroy: !config.deletionProtection,
    noncurrentVersionDays: 30,
    tags,
});

const images = new ImageRepository(`${env}-images`, {
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
    family: taskFamily,
    containerName,
    // Until the pipeline's first deploy the service runs this image; see docs/deploying.md.
    image: config.containerImage ?? pulumi.interpolate`${repository.repositoryUrl}:initial`,
    imageRepositoryArn: repository.arn,
    containerPort: config.containerPort,
    healthCheckPath: config.healthCheckPath,
    desiredCount: config.desiredCount,
    cpu: config.cpu,
    memory: config.memory,
    logGroupName: `${logGroupPrefix}/ecs/${containerName}`,
    logRetentionDays: config.logRetentionDays,
    kmsKeyArn: keyArn,
    allowedIngressCidr: config.allowedIngressCidr,
    deletionProtection: config.deletionProtection,
    tags,
});

const buildCommon = {
    context,
    artifactBucketArn: artifacts.bucket.arn,
    kmsKeyArn: keyArn,
    logRetentionDays: config.logRetentionDays,
    tags,
};
const imageBuild = new BuildProject(`${env}-build`, {
    ...buildCommon,
    description: "Builds the application image, pushes it to ECR and writes imagedefinitions.json",
    buildspec: IMAGE_BUILDSPEC,
    privileged: true,
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
                "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload",
                "ecr:GetDownloadUrlForLayer", "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart",
            ],
            Resource: repository.arn,
        },
    ],
    logGroupName: `${logGroupPrefix}/codebuild/build`,
});
const testRun = new BuildProject(`${env}-test`, {
    ...buildCommon,
    description: "Runs the application's tests and a dependency audit",
    buildspec: TEST_BUILDSPEC,
    privileged: false,
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
    // Connection names are unique per account and region and at most 32 characters.
    connectionName: prefix.slice(0, 32),
    artifactBucket: { name: artifacts.bucket.bucket, arn: artifacts.bucket.arn },
    kmsKeyArn: keyArn,
    projects: { build: imageBuild.project, test: testRun.project },
    cluster: app.cluster,
    service: app.service,
    taskFamily,
    taskRoleArns: [app.taskRole.arn, app.executionRole.arn],
    tags,
});

const notifications = new FailureNotifications(`${env}-alerts`, {
    context,
    pipelineName: delivery.pipeline.name,
    pipelineArn: delivery.pipeline.arn,
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
export const serviceUrl = pulumi.interpolate`http://${app.loadBalancer.dnsName}`;
export const ecsLogGroupName = app.logGroup.name;
export const notificationTopicArn = notifications.topic.arn;
export const pipelineFailureRuleName = notifications.rule.name;
export const approvalRequired = config.approvalRequired;
