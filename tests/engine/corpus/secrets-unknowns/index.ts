// Secrets and values unknown at preview: a secret token in a build environment, a secret config
// value, and a bucket name that only exists once another resource is created.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();
const token = config.getSecret("token") ?? pulumi.secret("ghp_corpusexampletoken00000000000000000");

const key = new aws.kms.Key("key", { enableKeyRotation: true, deletionWindowInDays: 30 });
const logs = new aws.cloudwatch.LogGroup("build-logs", { retentionInDays: 90, kmsKeyId: key.arn });

new aws.codebuild.Project("build", {
  serviceRole: "arn:aws:iam::123456789012:role/corpus-build",
  encryptionKey: key.arn,
  artifacts: { type: "NO_ARTIFACTS" },
  source: { type: "NO_SOURCE", buildspec: "version: 0.2\nphases:\n  build:\n    commands: [echo ok]\n" },
  environment: {
    computeType: "BUILD_GENERAL1_SMALL",
    image: "aws/codebuild/standard:7.0",
    type: "LINUX_CONTAINER",
    environmentVariables: [{ name: "GITHUB_TOKEN", value: token, type: "PLAINTEXT" }],
  },
  logsConfig: { cloudwatchLogs: { groupName: logs.name, status: "ENABLED" } },
});

const bucket = new aws.s3.Bucket("artifacts", {});
new aws.s3.BucketPolicy("artifacts-policy", {
  bucket: bucket.id,
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: pulumi.interpolate`${bucket.arn}/*` }],
  }),
});
