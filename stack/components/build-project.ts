import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { arnOf, type AwsContext } from "../aws-context";
import { policyDocument, serviceTrustPolicy, stackKeyStatement, type PolicyStatement } from "../policy-documents";
import type { Tags } from "../tags";

export interface BuildProjectArgs {
  context: AwsContext;
  /** Physical names of the project and of its role (stack/names.ts). */
  projectName: string;
  roleName: string;
  description: string;
  buildspec: string;
  /**
   * Why the project needs Docker-in-Docker (privileged mode); undefined runs it unprivileged. Only a
   * project that builds images has a reason, and the tag states it where reviewers and policies see it.
   */
  privilegedReason: string | undefined;
  /** Plain-text, non-secret values only; secrets belong in PARAMETER_STORE or SECRETS_MANAGER variables. */
  environment: Record<string, pulumi.Input<string>>;
  /** What this project needs beyond its logs, the artifact bucket and the key. */
  extraStatements: PolicyStatement[];
  artifactBucketArn: pulumi.Input<string>;
  kmsKeyArn: pulumi.Input<string>;
  /** The key's alias: what the role's key statement names, because the key's ARN is unknown at preview. */
  kmsAliasName: string;
  logGroupName: string;
  logRetentionDays: number;
  tags: Tags;
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
    super("pipeline-compliance-kit:components:BuildProject", name, {}, opts);
    const parent = { parent: this };
    // Fixed names cannot exist twice, so replacements delete the old group, role and project first.
    const named = { parent: this, deleteBeforeReplace: true };
    const { context, tags } = args;

    this.logGroup = new aws.cloudwatch.LogGroup(
      `${name}-logs`,
      {
        name: args.logGroupName,
        retentionInDays: args.logRetentionDays,
        kmsKeyId: args.kmsKeyArn,
        tags,
      },
      named,
    );

    const role = new aws.iam.Role(
      `${name}-role`,
      {
        name: args.roleName,
        assumeRolePolicy: serviceTrustPolicy("codebuild.amazonaws.com", context),
        tags,
      },
      named,
    );
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
      parent,
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
      { ...named, dependsOn: [rolePolicy] },
    );
    this.projectArn = arnOf(context, "codebuild", `project/${args.projectName}`);

    this.registerOutputs({ projectName: this.project.name, logGroupName: this.logGroup.name });
  }
}
