import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { AwsContext } from "../aws-context";
import { serviceTrustPolicy } from "../policy-documents";
import type { Tags } from "../tags";

/** What every component of the stack takes: where it deploys and the tags each of its resources carries. */
export interface ComponentArgs {
  readonly context: AwsContext;
  readonly tags: Tags;
}

/** A component whose resources are encrypted with the stack's key. */
export interface EncryptedComponentArgs extends ComponentArgs {
  readonly kmsKeyArn: pulumi.Input<string>;
}

/** A component that writes to a log group of its own, encrypted with the stack's key. */
export interface LoggingComponentArgs extends EncryptedComponentArgs {
  /** Physical name, under the stack's log group prefix so the key policy admits it (stack/names.ts). */
  readonly logGroupName: string;
  readonly logRetentionDays: number;
}

/** The type token of one of the stack's components, as URNs carry it. */
export function componentType(component: string): string {
  return `pipeline-compliance-kit:components:${component}`;
}

/** The component's log group. Its name is fixed and cannot exist twice, so a replacement deletes the old group first. */
export function encryptedLogGroup(name: string, args: LoggingComponentArgs, parent: pulumi.Resource): aws.cloudwatch.LogGroup {
  return new aws.cloudwatch.LogGroup(
    name,
    {
      name: args.logGroupName,
      retentionInDays: args.logRetentionDays,
      kmsKeyId: args.kmsKeyArn,
      tags: args.tags,
    },
    { parent, deleteBeforeReplace: true },
  );
}

/**
 * A role only `service` may assume, for this account only (stack/policy-documents.ts). Role names are
 * fixed and account-wide, so a replacement deletes the old role first.
 */
export function serviceRole(name: string, roleName: string, service: string, args: ComponentArgs, parent: pulumi.Resource): aws.iam.Role {
  return new aws.iam.Role(
    name,
    {
      name: roleName,
      assumeRolePolicy: serviceTrustPolicy(service, args.context),
      tags: args.tags,
    },
    { parent, deleteBeforeReplace: true },
  );
}
