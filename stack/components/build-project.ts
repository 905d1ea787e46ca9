import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { AwsContext } from "../aws-context";
import { KMS_DATA_ACTIONS, policyDocument, serviceTrustPolicy, type PolicyStatement } from "../policy-documents";
import type { Tags } from "../tags";

export interface BuildProjectArgs {
    context: AwsContext;
    description: string;
    buildspec: string;
    /** Docker-in-Docker: only for a project that builds images. */
    privileged: boolean;
    /** Plain-text, non-secret values only; secrets belong in PARAMETER_STORE or SECRETS_MANAGER variables. */
    environment: Record<string, pulumi.Input<string>>;
    /** What this project needs beyond its logs, the artifact bucket and the key. */
    extraStatements: PolicyStatement[];
    artifactBucketArn: pulumi.Input<string>;
    kmsKeyArn: pulumi.Input<string>;
    logGroupName: string;
    logRetentionDays: number;
    tags: Tags;
}

/** One CodeBuild project with its own role and its own encrypted log group. */
export class BuildProject extends pulumi.ComponentResource {
    readonly project: aws.codebuild.Project;
    readonly logGroup: aws.cloudwatch.LogGroup;

    constructor(name: string, args: BuildProjectArgs, opts?: pulumi.ComponentResourceOptions) {
        super("pipeline-compliance-kit:components:BuildProject", name, {}, opts);
        const parent = { parent: this };
        const { tags } = args;

        this.logGroup = new aws.cloudwatch.LogGroup(`${name}-logs`, {
            name: args.logGroupName,
            retentionInDays: args.logRetentionDays,
            kmsKeyId: args.kmsKeyArn,
            tags,
        }, parent);

        const role = new aws.iam.Role(`${name}-role`, {
            assumeRolePolicy: serviceTrustPolicy("codebuild.amazonaws.com", args.context),
            tags,
        }, parent);
        const rolePolicy = new aws.iam.RolePolicy(`${name}-policy`, {
            role: role.id,
            policy: policyDocument([
                {
                    Sid: "WriteBuildLogs",
                    Effect: "Allow",
                    Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                    Resource: pulumi.interpolate`${this.logGroup.arn}:*`,
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
                {
                    Sid: "UseStackKey",
                    Effect: "Allow",
                    Action: KMS_DATA_ACTIONS,
                    Resource: args.kmsKeyArn,
                },
                ...args.extraStatements,
            ]),
        }, parent);

        this.project = new aws.codebuild.Project(`${name}-project`, {
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
                privilegedMode: args.privileged,
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
            tags,
        // A build started before its role may write logs fails on its first line.
        }, { parent: this, dependsOn: [rolePolicy] });

        this.registerOutputs({ projectName: this.project.name, logGroupName: this.logGroup.name });
    }
}
