import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** Where the stack deploys: what ARNs, principals and policy conditions are built from. */
export interface AwsContext {
  accountId: pulumi.Output<string>;
  partition: pulumi.Output<string>;
  /** Domain of the partition's endpoints (`amazonaws.com`, `amazonaws.com.cn`), part of ECR repository URIs. */
  dnsSuffix: pulumi.Output<string>;
  region: string;
}

/**
 * The `...Output` invoke forms keep the program usable under mocks. Invokes are answered during a
 * preview, so everything built from them (and from names) is known when a policy pack reads it.
 */
export function lookupAwsContext(region: string): AwsContext {
  const partition = aws.getPartitionOutput();
  return {
    accountId: aws.getCallerIdentityOutput().accountId,
    partition: partition.partition,
    dnsSuffix: partition.dnsSuffix,
    region,
  };
}

/** `arn:<partition>:<service>:<region>:<account>:<resource>` for ARNs the stack cannot read from a resource. */
export function arnOf(context: AwsContext, service: string, resource: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.interpolate`arn:${context.partition}:${service}:${context.region}:${context.accountId}:${resource}`;
}

/** IAM ARNs carry the account but no region: `iamArnOf(context, "role/<name>")`. */
export function iamArnOf(context: AwsContext, resource: string): pulumi.Output<string> {
  return pulumi.interpolate`arn:${context.partition}:iam::${context.accountId}:${resource}`;
}

/** S3 bucket ARNs carry neither region nor account: bucket names are global. */
export function bucketArnOf(context: AwsContext, bucketName: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.interpolate`arn:${context.partition}:s3:::${bucketName}`;
}
