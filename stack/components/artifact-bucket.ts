import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyDocument } from "../policy-documents";
import type { Tags } from "../tags";

export interface ArtifactBucketArgs {
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

    constructor(name: string, args: ArtifactBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super("pipeline-compliance-kit:components:ArtifactBucket", name, {}, opts);
        const parent = { parent: this };

        this.bucket = new aws.s3.Bucket(`${name}-bucket`, { forceDestroy: args.forceDestroy, tags: args.tags }, parent);
        const bucket = this.bucket.bucket;

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
                Resource: [this.bucket.arn, pulumi.interpolate`${this.bucket.arn}/*`],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            }]),
        // S3 rejects a policy write that races the public access block on a new bucket.
        }, { parent: this, dependsOn: [publicAccess] });

        this.registerOutputs({ bucketName: bucket, bucketArn: this.bucket.arn });
    }
}
