import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { arnOf, type AwsContext } from "../aws-context";
import { renderStages, renderTriggers } from "../pipeline/render";
import type { PipelineShape } from "../pipeline/shape";
import { KMS_DATA_ACTIONS, policyDocument, serviceTrustPolicy } from "../policy-documents";
import type { Tags } from "../tags";

interface Named {
    name: pulumi.Input<string>;
    arn: pulumi.Input<string>;
}

export interface DeliveryPipelineArgs {
    context: AwsContext;
    shape: PipelineShape;
    /** Name of the GitHub connection (at most 32 characters). */
    connectionName: string;
    artifactBucket: { name: pulumi.Input<string>; arn: pulumi.Input<string> };
    kmsKeyArn: pulumi.Input<string>;
    projects: Record<"build" | "test", Named>;
    cluster: Named;
    service: Named;
    /** The task definition family the deploy action registers revisions of. */
    taskFamily: string;
    /** The task and execution roles the deploy action hands to ECS. */
    taskRoleArns: pulumi.Input<string>[];
    tags: Tags;
}

/** The GitHub connection and the CodePipeline (V2) rendered from the pipeline's shape. */
export class DeliveryPipeline extends pulumi.ComponentResource {
    readonly connection: aws.codeconnections.Connection;
    readonly pipeline: aws.codepipeline.Pipeline;

    constructor(name: string, args: DeliveryPipelineArgs, opts?: pulumi.ComponentResourceOptions) {
        super("pipeline-compliance-kit:components:DeliveryPipeline", name, {}, opts);
        const parent = { parent: this };
        const { context, tags } = args;

        // Created PENDING: someone completes the GitHub handshake once in the console (docs/deploying.md).
        this.connection = new aws.codeconnections.Connection(`${name}-github`, {
            name: args.connectionName,
            providerType: "GitHub",
            tags,
        }, parent);

        const role = new aws.iam.Role(`${name}-role`, {
            assumeRolePolicy: serviceTrustPolicy("codepipeline.amazonaws.com", context),
            tags,
        }, parent);
        const rolePolicy = new aws.iam.RolePolicy(`${name}-policy`, {
            role: role.id,
            policy: policyDocument([
                {
                    Sid: "ReadWriteArtifacts",
                    Effect: "Allow",
                    Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"],
                    Resource: pulumi.interpolate`${args.artifactBucket.arn}/*`,
                },
                {
                    Sid: "InspectArtifactBucket",
                    Effect: "Allow",
                    Action: ["s3:GetBucketLocation", "s3:GetBucketVersioning"],
                    Resource: args.artifactBucket.arn,
                },
                { Sid: "UseStackKey", Effect: "Allow", Action: KMS_DATA_ACTIONS, Resource: args.kmsKeyArn },
                {
                    // Connections created as codeconnections are authorised under either service prefix.
                    Sid: "UseGitHubConnection",
                    Effect: "Allow",
                    Action: ["codeconnections:UseConnection", "codestar-connections:UseConnection"],
                    Resource: this.connection.arn,
                },
                {
                    Sid: "RunBuilds",
                    Effect: "Allow",
                    Action: ["codebuild:BatchGetBuilds", "codebuild:StartBuild"],
                    Resource: [args.projects.build.arn, args.projects.test.arn],
                },
                {
                    Sid: "DeployService",
                    Effect: "Allow",
                    Action: ["ecs:DescribeServices", "ecs:UpdateService"],
                    Resource: args.service.arn,
                },
                {
                    // RegisterTaskDefinition and DescribeTaskDefinition support no resource-level
                    // permissions: AWS only accepts "*" for them.
                    Sid: "ReviseTaskDefinition",
                    Effect: "Allow",
                    Action: ["ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition"],
                    Resource: "*",
                },
                {
                    Sid: "TagTaskDefinitionRevisions",
                    Effect: "Allow",
                    Action: "ecs:TagResource",
                    Resource: arnOf(context, "ecs", `task-definition/${args.taskFamily}:*`),
                },
                {
                    Sid: "WatchDeployment",
                    Effect: "Allow",
                    Action: ["ecs:DescribeTasks", "ecs:ListTasks"],
                    Resource: [
                        arnOf(context, "ecs", pulumi.interpolate`task/${args.cluster.name}/*`),
                        arnOf(context, "ecs", pulumi.interpolate`container-instance/${args.cluster.name}/*`),
                    ],
                },
                {
                    Sid: "HandTaskRolesToEcs",
                    Effect: "Allow",
                    Action: "iam:PassRole",
                    Resource: args.taskRoleArns,
                    Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
                },
            ]),
        }, parent);

        this.pipeline = new aws.codepipeline.Pipeline(`${name}-pipeline`, {
            pipelineType: "V2",
            roleArn: role.arn,
            // One store and no `region`: the provider rejects a region on a single-region pipeline.
            artifactStores: [{
                location: args.artifactBucket.name,
                type: "S3",
                encryptionKey: { id: args.kmsKeyArn, type: "KMS" },
            }],
            stages: renderStages(args.shape, {
                connectionArn: this.connection.arn,
                projectNames: { build: args.projects.build.name, test: args.projects.test.name },
                clusterName: args.cluster.name,
                serviceName: args.service.name,
            }),
            triggers: renderTriggers(args.shape),
            tags,
        // The first run starts on creation and fails if the role cannot yet read the source.
        }, { parent: this, dependsOn: [rolePolicy] });

        this.registerOutputs({ connectionArn: this.connection.arn, pipelineName: this.pipeline.name });
    }
}
