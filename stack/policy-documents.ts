import * as pulumi from "@pulumi/pulumi";
import { arnOf, type AwsContext } from "./aws-context";

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

/** A policy document as JSON; it is known at preview when every ARN inside it is built from names and invokes. */
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
const KMS_DATA_ACTIONS = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"];

/**
 * Data use of the stack's key, named by its alias. AWS picks a key's id when it creates the key, so its
 * ARN is unknown during a preview; the alias is chosen here. IAM accepts neither an alias ARN nor an
 * alias name as the Resource of a key operation, so the statement covers the keys of this account and
 * region and `kms:ResourceAliases` narrows it to the one carrying the stack's alias. The condition is
 * multi-valued (a key may have several aliases), hence ForAnyValue.
 */
export function stackKeyStatement(context: AwsContext, aliasName: string): PolicyStatement {
  return {
    Sid: "UseStackKey",
    Effect: "Allow",
    Action: KMS_DATA_ACTIONS,
    Resource: arnOf(context, "kms", "key/*"),
    Condition: { "ForAnyValue:StringEquals": { "kms:ResourceAliases": aliasName } },
  };
}
