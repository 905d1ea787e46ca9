// A function the offline model cannot answer (an existing VPC's details) feeding a security-relevant
// value: policies must say they cannot decide, never pass on an invented answer.
import * as aws from "@pulumi/aws";

const vpc = aws.ec2.getVpcOutput({ default: true });
const key = aws.kms.getKeyOutput({ keyId: "alias/shared" });

new aws.sns.Topic("alerts", { kmsMasterKeyId: key.arn, tags: { vpc: vpc.id } });
new aws.cloudwatch.LogGroup("logs", { retentionInDays: 30, kmsKeyId: key.arn });
