import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { bucketArnOf, type AwsContext } from "../aws-context";
import { policyDocument } from "../policy-documents";
import type { Tags } from "../tags";

export interface ArtifactBucketArgs {
    context: AwsContext;
    /** Globally unique physical name (stack/names.ts). */
    bucketName: pulumi.Input<string>;
    kmsKeyArn: pulumi.Input<string>;
    /** Lets `pulumi destroy` delete a bucket that still holds artifacts (dev stacks). */
    forceDestroy: boolean;
    /** Days a replaced artifact version is kept. */
    noncurrentVersionDays: number;
    tags: Tags;
}

/**
 * The pipeline's artifact store: a bare bucket configured only through one resource per concern
 * (inline bucket blocks are deprecated in @pulumi/aws 7).
 */
export class ArtifactBucket extends pulumi.ComponentResource {
    readonly bucket: aws.s3.Bucket;
    /** Built from the name, so documents that grant on the bucket stay known during a preview. */
    readonly bucketArn: pulumi.Output<string>;

    constructor(name: string, args: ArtifactBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super("pipeline-compliance-kit:components:ArtifactBucket", name, {}, opts);
        const parent = { parent: this };

        // A fixed name cannot exist twice, so a replacement must delete the old bucket first.
        this.bucket = new aws.s3.Bucket(`${name}-bucket`, {
            bucket: args.bucketName,
            forceDestroy: args.forceDestroy,
            tags: args.tags,
        }, { parent: this, deleteBeforeReplace: true });
        const bucket = this.bucket.bucket;
        this.bucketArn = bucketArnOf(args.context, args.bucketName);

        const versioning = new aws.s3.BucketVersioning(`${name}-versioning`, {
            bucket,
            versioningConfiguration: { status: "Enabled" },
        }, parent);

        new aws.s3.BucketServerSideEncryptionConfiguration(`${name}-encryption`, {
            bucket,
            rules: [{
                applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKeyArn },
                // One data key per bucket instead of one KMS call per object: cheaper, same protection.
                bucketKeyEnabled: true,
            }],
        }, parent);

        new aws.s3.BucketLifecycleConfiguration(`${name}-lifecycle`, {
            bucket,
            rules: [{
                id: "expire-old-artifacts",
                status: "Enabled",
                filter: {},
                noncurrentVersionExpiration: { noncurrentDays: args.noncurrentVersionDays },
                abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
            }],
        }, { parent: this, dependsOn: [versioning] });

        const publicAccess = new aws.s3.BucketPublicAccessBlock(`${name}-public-access`, {
            bucket,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        }, parent);

        new aws.s3.BucketOwnershipControls(`${name}-ownership`, {
            bucket,
            rule: { objectOwnership: "BucketOwnerEnforced" },
        }, parent);

        new aws.s3.BucketPolicy(`${name}-policy`, {
            bucket,
            policy: policyDocument([{
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: { AWS: "*" },
                Action: "s3:*",
                Resource: [this.bucketArn, pulumi.interpolate`${this.bucketArn}/*`],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            }]),
        // S3 rejects a policy write that races the public access block on a new bucket.
        }, { parent: this, dependsOn: [publicAccess] });

        this.registerOutputs({ bucketName: bucket, bucketArn: this.bucketArn });
    }
}
