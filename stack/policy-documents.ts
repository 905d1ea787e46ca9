import * as pulumi from "@pulumi/pulumi";
import type { AwsContext } from "./aws-context";

type Strings = pulumi.Input<string> | pulumi.Input<string>[];

/** One policy statement. Role policies list their actions explicitly (no `*`, no `service:*`). */
export interface PolicyStatement {
    Sid: string;
    Effect: "Allow" | "Deny";
    Action: string | string[];
    Resource: Strings;
    Principal?: Record<string, Strings>;
    Condition?: Record<string, Record<string, Strings>>;
}

/** A policy document as JSON; jsonStringify resolves the ARNs inside it without any invoke. */
export function policyDocument(statements: PolicyStatement[]): pulumi.Output<string> {
    return pulumi.jsonStringify({ Version: "2012-10-17", Statement: statements });
}

/**
 * A trust policy for exactly one AWS service principal, limited to this account so another account's
 * resources cannot make the service assume the role (confused deputy).
 */
export function serviceTrustPolicy(service: string, context: AwsContext): pulumi.Output<string> {
    return pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Service: service },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "aws:SourceAccount": context.accountId } },
            },
        ],
    });
}

/** The actions a role needs to use the stack's KMS key for data (never to manage it). */
export const KMS_DATA_ACTIONS = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"];
