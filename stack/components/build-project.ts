import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { arnOf } from "../aws-context";
import { policyDocument, stackKeyStatement, type PolicyStatement } from "../policy-documents";
import { componentType, encryptedLogGroup, serviceRole, type LoggingComponentArgs } from "./common";

export interface BuildProjectArgs extends LoggingComponentArgs {
  /** Physical names of the project and of its role (stack/names.ts). */
  readonly projectName: string;
  readonly roleName: string;
  readonly description: string;
  readonly buildspec: string;
  /**
   * Why the project needs Docker-in-Docker (privileged mode); undefined runs it unprivileged. Only a
   * project that builds images has a reason, and the tag states it where reviewers and policies see it.
   */
  readonly privilegedReason: string | undefined;
  /** Plain-text, non-secret values only; secrets belong in PARAMETER_STORE or SECRETS_MANAGER variables. */
  readonly environment: Record<string, pulumi.Input<string>>;
  /** What this project needs beyond its logs, the artifact bucket and the key. */
  readonly extraStatements: PolicyStatement[];
  readonly artifactBucketArn: pulumi.Input<string>;
  /** The key's alias: what the role's key statement names, because the key's ARN is unknown at preview. */
  readonly kmsAliasName: string;
}

/** The tag the policy pack's codebuild-privileged-mode reads for the reason a project is privileged. */
const PRIVILEGED_REASON_TAG = "compliance:privileged-reason";

/** One CodeBuild project with its own role and its own encrypted log group. */
export class BuildProject extends pulumi.ComponentResource {
  readonly project: aws.codebuild.Project;
  readonly logGroup: aws.cloudwatch.LogGroup;
  /** Built from the name, so the pipeline role's policy stays known during a preview. */
  readonly projectArn: pulumi.Output<string>;

  constructor(name: string, args: BuildProjectArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType("BuildProject"), name, {}, opts);
    const { context, tags } = args;

    this.logGroup = encryptedLogGroup(`${name}-logs`, args, this);
    const role = serviceRole(`${name}-role`, args.roleName, "codebuild.amazonaws.com", args, this);
    const rolePolicy = new aws.iam.RolePolicy(
      `${name}-policy`,
      {
        role: role.id,
        policy: policyDocument([
          {
            Sid: "WriteBuildLogs",
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: arnOf(context, "logs", `log-group:${args.logGroupName}:*`),
          },
          {
            Sid: "ReadWriteArtifacts",
            Effect: "Allow",
            Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"],
            Resource: pulumi.interpolate`${args.artifactBucketArn}/*`,
          },
          {
            Sid: "LocateArtifactBucket",
            Effect: "Allow",
            Action: ["s3:GetBucketAcl", "s3:GetBucketLocation"],
            Resource: args.artifactBucketArn,
          },
          stackKeyStatement(context, args.kmsAliasName),
          ...args.extraStatements,
        ]),
      },
      { parent: this },
    );

    this.project = new aws.codebuild.Project(
      `${name}-project`,
      {
        name: args.projectName,
        description: args.description,
        serviceRole: role.arn,
        encryptionKey: args.kmsKeyArn,
        source: { type: "CODEPIPELINE", buildspec: args.buildspec },
        artifacts: { type: "CODEPIPELINE" },
        environment: {
          type: "LINUX_CONTAINER",
          computeType: "BUILD_GENERAL1_SMALL",
          image: "aws/codebuild/amazonlinux-x86_64-standard:5.0",
          imagePullCredentialsType: "CODEBUILD",
          privilegedMode: args.privilegedReason !== undefined,
          environmentVariables: Object.entries(args.environment).map(([variable, value]) => ({
            name: variable,
            value,
            type: "PLAINTEXT",
          })),
        },
        logsConfig: {
          cloudwatchLogs: { status: "ENABLED", groupName: this.logGroup.name },
          s3Logs: { status: "DISABLED" },
        },
        buildTimeout: 30,
        tags: args.privilegedReason === undefined ? tags : { ...tags, [PRIVILEGED_REASON_TAG]: args.privilegedReason },
        // A build started before its role may write logs fails on its first line.
      },
      // The name is fixed and cannot exist twice: a replacement deletes the old project first.
      { parent: this, deleteBeforeReplace: true, dependsOn: [rolePolicy] },
    );
    this.projectArn = arnOf(context, "codebuild", `project/${args.projectName}`);

    this.registerOutputs({ projectName: this.project.name, logGroupName: this.logGroup.name });
  }
}
