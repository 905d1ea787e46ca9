import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { arnOf, iamArnOf } from "../aws-context";
import { policyDocument } from "../policy-documents";
import { componentType, type ComponentArgs } from "./common";

export interface EncryptionKeyArgs extends ComponentArgs {
  /** Alias name, including the `alias/` prefix. */
  readonly aliasName: string;
  readonly deletionWindowDays: number;
  /** Log groups under this prefix may use the key (e.g. `/pipeline-compliance-kit/dev`). */
  readonly logGroupPrefix: string;
}

/** The one customer-managed key for artifacts, logs, images and notifications. */
export class EncryptionKey extends pulumi.ComponentResource {
  readonly key: aws.kms.Key;
  readonly alias: aws.kms.Alias;

  constructor(name: string, args: EncryptionKeyArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType("EncryptionKey"), name, {}, opts);
    const { context } = args;
    const rootArn = iamArnOf(context, "root");

    this.key = new aws.kms.Key(
      `${name}-key`,
      {
        description: `Artifacts, logs, images and notifications of ${args.aliasName}`,
        enableKeyRotation: true,
        deletionWindowInDays: args.deletionWindowDays,
        policy: policyDocument([
          {
            // The account root keeps control of the key and delegates use to IAM policies; without
            // this statement the key could become unmanageable (AWS's default key policy).
            Sid: "AccountAdministersKey",
            Effect: "Allow",
            Principal: { AWS: rootArn },
            Action: "kms:*",
            Resource: "*",
          },
          {
            // CloudWatch Logs encrypts the stack's log groups, and only those (encryption context).
            Sid: "CloudWatchLogsUseKey",
            Effect: "Allow",
            Principal: { Service: `logs.${context.region}.amazonaws.com` },
            Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:DescribeKey"],
            Resource: "*",
            Condition: {
              ArnLike: { "kms:EncryptionContext:aws:logs:arn": arnOf(context, "logs", `log-group:${args.logGroupPrefix}/*`) },
            },
          },
          {
            // S3 server access logging writes into the key-encrypted log bucket, for this account's buckets only.
            Sid: "S3ServerAccessLogsUseKey",
            Effect: "Allow",
            Principal: { Service: "logging.s3.amazonaws.com" },
            Action: "kms:GenerateDataKey",
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": context.accountId } },
          },
          {
            // EventBridge publishes failure events to the encrypted SNS topic, in this account only.
            Sid: "EventBridgePublishesToEncryptedTopic",
            Effect: "Allow",
            Principal: { Service: "events.amazonaws.com" },
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": context.accountId } },
          },
        ]),
        tags: args.tags,
      },
      { parent: this },
    );

    this.alias = new aws.kms.Alias(
      `${name}-alias`,
      {
        name: args.aliasName,
        targetKeyId: this.key.keyId,
        // The name is fixed and unique in the account and region: a replacement deletes the old alias first.
      },
      { parent: this, deleteBeforeReplace: true },
    );

    this.registerOutputs({ keyArn: this.key.arn, aliasName: this.alias.name });
  }
}
