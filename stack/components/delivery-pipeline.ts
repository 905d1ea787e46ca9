import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { arnOf } from "../aws-context";
import { renderStages, renderTriggers } from "../pipeline/render";
import type { PipelineShape } from "../pipeline/shape";
import { policyDocument, stackKeyStatement } from "../policy-documents";
import { componentType, serviceRole, type EncryptedComponentArgs } from "./common";

/**
 * A resource the pipeline acts on. `name` goes into the stages, where a resource output also orders the
 * pipeline after the resource; `arn` goes into the role policy and must be built from the physical name
 * so the policy is known during a preview.
 */
interface Target {
  readonly name: pulumi.Input<string>;
  readonly arn: pulumi.Input<string>;
}

export interface DeliveryPipelineArgs extends EncryptedComponentArgs {
  readonly shape: PipelineShape;
  /** Physical names of the pipeline and its role (stack/names.ts). */
  readonly pipelineName: string;
  readonly roleName: string;
  /** Name of the GitHub connection (at most 32 characters). */
  readonly connectionName: string;
  readonly artifactBucket: Target;
  /** The key's alias: what the role's key statement names, because the key's ARN is unknown at preview. */
  readonly kmsAliasName: string;
  readonly projects: Record<"build" | "test", Target>;
  /** Physical name of the cluster: task ARNs in the role policy contain it. */
  readonly clusterName: string;
  readonly service: Target;
  /** The task definition family the deploy action registers revisions of. */
  readonly taskFamily: string;
  /** The task and execution roles the deploy action hands to ECS. */
  readonly taskRoleArns: pulumi.Input<string>[];
}

/** The GitHub connection and the CodePipeline (V2) rendered from the pipeline's shape. */
export class DeliveryPipeline extends pulumi.ComponentResource {
  readonly connection: aws.codeconnections.Connection;
  readonly pipeline: aws.codepipeline.Pipeline;
  /** Built from the name, so the failure rule's pattern stays known during a preview. */
  readonly pipelineArn: pulumi.Output<string>;

  constructor(name: string, args: DeliveryPipelineArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType("DeliveryPipeline"), name, {}, opts);
    const { context, tags } = args;

    // Created PENDING: someone completes the GitHub handshake once in the console (docs/deploying.md).
    // The name is fixed and cannot exist twice, so a replacement deletes the old connection first.
    this.connection = new aws.codeconnections.Connection(
      `${name}-github`,
      {
        name: args.connectionName,
        providerType: "GitHub",
        tags,
      },
      { parent: this, deleteBeforeReplace: true },
    );

    const role = serviceRole(`${name}-role`, args.roleName, "codepipeline.amazonaws.com", args, this);
    const repositories = args.shape.stages
      .flatMap((stage) => stage.steps)
      .flatMap((step) => (step.kind === "source" ? [step.repository] : []));
    const rolePolicy = new aws.iam.RolePolicy(
      `${name}-policy`,
      {
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
          stackKeyStatement(context, args.kmsAliasName),
          // AWS puts a random id, not the name, in a connection's ARN, so the ARN is unknown during a
          // preview. The grant covers the connections of this account and region, used for the
          // repositories the pipeline checks out only. Connections created as codeconnections are
          // authorised under either service prefix, each with its own condition key.
          {
            Sid: "UseGitHubConnection",
            Effect: "Allow",
            Action: "codeconnections:UseConnection",
            Resource: arnOf(context, "codeconnections", "connection/*"),
            Condition: { StringEquals: { "codeconnections:FullRepositoryId": repositories } },
          },
          {
            Sid: "UseGitHubConnectionLegacyPrefix",
            Effect: "Allow",
            Action: "codestar-connections:UseConnection",
            Resource: arnOf(context, "codeconnections", "connection/*"),
            Condition: { StringEquals: { "codestar-connections:FullRepositoryId": repositories } },
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
              arnOf(context, "ecs", `task/${args.clusterName}/*`),
              arnOf(context, "ecs", `container-instance/${args.clusterName}/*`),
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
      },
      { parent: this },
    );

    this.pipeline = new aws.codepipeline.Pipeline(
      `${name}-pipeline`,
      {
        name: args.pipelineName,
        pipelineType: "V2",
        roleArn: role.arn,
        // One store and no `region`: the provider rejects a region on a single-region pipeline.
        artifactStores: [
          {
            location: args.artifactBucket.name,
            type: "S3",
            encryptionKey: { id: args.kmsKeyArn, type: "KMS" },
          },
        ],
        stages: renderStages(args.shape, {
          connectionArn: this.connection.arn,
          projectNames: { build: args.projects.build.name, test: args.projects.test.name },
          clusterName: args.clusterName,
          serviceName: args.service.name,
        }),
        triggers: renderTriggers(args.shape),
        tags,
        // The first run starts on creation and fails if the role cannot yet read the source.
      },
      // The name is fixed: a replacement deletes the old pipeline first.
      { parent: this, deleteBeforeReplace: true, dependsOn: [rolePolicy] },
    );
    this.pipelineArn = arnOf(context, "codepipeline", args.pipelineName);

    this.registerOutputs({ connectionArn: this.connection.arn, pipelineName: this.pipeline.name });
  }
}
