import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { bucketArnOf } from "../aws-context";
import { policyDocument, type PolicyStatement } from "../policy-documents";
import { componentType, type EncryptedComponentArgs } from "./common";

export interface ArtifactBucketArgs extends EncryptedComponentArgs {
  /** Globally unique physical name (stack/names.ts). */
  readonly bucketName: pulumi.Input<string>;
  /** Lets `pulumi destroy` delete a bucket that still holds artifacts (dev stacks). */
  readonly forceDestroy: boolean;
  /** Days a replaced artifact version is kept. */
  readonly noncurrentVersionDays: number;
  /** Where this bucket's server access logs go (another bucket of the stack), if anywhere. */
  readonly accessLogs?: { targetBucket: pulumi.Input<string>; targetPrefix: string };
  /** Makes this a log bucket: S3 server access logging may deliver the logs of this source bucket ARN. */
  readonly logDeliverySourceArn?: pulumi.Input<string>;
  /** Days a current object is kept (log buckets); artifacts are kept until replaced. */
  readonly expireAfterDays?: number;
}

/** The statement that lets S3 server access logging deliver one source bucket's logs, for a log bucket. */
function logDelivery(args: ArtifactBucketArgs, bucketArn: pulumi.Output<string>): PolicyStatement[] {
  if (args.logDeliverySourceArn === undefined) {
    return [];
  }
  return [
    {
      Sid: "S3ServerAccessLogsDelivery",
      Effect: "Allow",
      Principal: { Service: "logging.s3.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: pulumi.interpolate`${bucketArn}/*`,
      Condition: {
        ArnLike: { "aws:SourceArn": args.logDeliverySourceArn },
        StringEquals: { "aws:SourceAccount": args.context.accountId },
      },
    },
  ];
}

/**
 * The pipeline's artifact store: a bare bucket configured only through one resource per concern
 * (inline bucket blocks are deprecated in @pulumi/aws 7). The same component, with
 * `logDeliverySourceArn`, makes the bucket that receives the artifact bucket's access logs.
 */
export class ArtifactBucket extends pulumi.ComponentResource {
  readonly bucket: aws.s3.Bucket;
  /** Built from the name, so documents that grant on the bucket stay known during a preview. */
  readonly bucketArn: pulumi.Output<string>;

  constructor(name: string, args: ArtifactBucketArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType("ArtifactBucket"), name, {}, opts);

    // A fixed name cannot exist twice, so a replacement must delete the old bucket first.
    this.bucket = new aws.s3.Bucket(
      `${name}-bucket`,
      {
        bucket: args.bucketName,
        forceDestroy: args.forceDestroy,
        tags: args.tags,
      },
      { parent: this, deleteBeforeReplace: true },
    );
    const bucket = this.bucket.bucket;
    this.bucketArn = bucketArnOf(args.context, args.bucketName);

    const versioning = new aws.s3.BucketVersioning(
      `${name}-versioning`,
      { bucket, versioningConfiguration: { status: "Enabled" } },
      { parent: this },
    );

    new aws.s3.BucketServerSideEncryptionConfiguration(
      `${name}-encryption`,
      {
        bucket,
        rules: [
          {
            applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKeyArn },
            // One data key per bucket instead of one KMS call per object: cheaper, same protection.
            bucketKeyEnabled: true,
          },
        ],
      },
      { parent: this },
    );

    new aws.s3.BucketLifecycleConfiguration(
      `${name}-lifecycle`,
      {
        bucket,
        rules: [
          {
            id: "expire-old-artifacts",
            status: "Enabled",
            filter: {},
            noncurrentVersionExpiration: { noncurrentDays: args.noncurrentVersionDays },
            ...(args.expireAfterDays === undefined ? {} : { expiration: { days: args.expireAfterDays } }),
            abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
          },
        ],
      },
      { parent: this, dependsOn: [versioning] },
    );

    const publicAccess = new aws.s3.BucketPublicAccessBlock(
      `${name}-public-access`,
      {
        bucket,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      },
      { parent: this },
    );

    new aws.s3.BucketOwnershipControls(`${name}-ownership`, { bucket, rule: { objectOwnership: "BucketOwnerEnforced" } }, { parent: this });

    new aws.s3.BucketPolicy(
      `${name}-policy`,
      {
        bucket,
        policy: policyDocument([
          {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: { AWS: "*" },
            Action: "s3:*",
            Resource: [this.bucketArn, pulumi.interpolate`${this.bucketArn}/*`],
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          },
          ...logDelivery(args, this.bucketArn),
        ]),
        // S3 rejects a policy write that races the public access block on a new bucket.
      },
      { parent: this, dependsOn: [publicAccess] },
    );

    if (args.accessLogs) {
      new aws.s3.BucketLogging(`${name}-access-logging`, { bucket, ...args.accessLogs }, { parent: this });
    }

    this.registerOutputs({ bucketName: bucket, bucketArn: this.bucketArn });
  }
}
