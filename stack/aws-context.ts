import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** Where the stack deploys: what ARNs, principals and policy conditions are built from. */
export interface AwsContext {
    accountId: pulumi.Output<string>;
    partition: pulumi.Output<string>;
    region: string;
}

/** The `...Output` invoke forms keep the program usable under mocks and when results are unknown. */
export function lookupAwsContext(region: string): AwsContext {
    return {
        accountId: aws.getCallerIdentityOutput().accountId,
        partition: aws.getPartitionOutput().partition,
        region,
    };
}

/** `arn:<partition>:<service>:<region>:<account>:<resource>` for ARNs the stack cannot read from a resource. */
export function arnOf(context: AwsContext, service: string, resource: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.interpolate`arn:${context.partition}:${service}:${context.region}:${context.accountId}:${resource}`;
}
