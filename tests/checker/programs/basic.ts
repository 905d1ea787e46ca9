import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const logs = new aws.s3.Bucket("logs", { versioning: { enabled: true }, forceDestroy: true, tags: { owner: "me" } });
new aws.s3.Bucket("plain", { tags: { waive: "yes" } });
new aws.s3.Bucket("third", {});
new aws.sns.Topic("alerts", { displayName: logs.arn });
new aws.sns.Topic("stack-level", { name: "stack-level", kmsMasterKeyId: pulumi.secret("alias/key") });
export const bucket = logs.bucket;
