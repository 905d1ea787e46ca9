/**
 * Tells customer-managed KMS keys from the AWS-managed ones (`alias/aws/<service>`), which give the
 * account no control over the key policy, rotation or cross-account use, and builds the policies that
 * require a resource to name a key.
 */
import type { CompliancePolicy, ResourcePolicyDefinition } from "./policy";
import { resourcePolicy } from "./policy";
import { isSet, read } from "./props";

const AWS_MANAGED_ALIAS = /(^|:)alias\/aws\//;

/** True for a key id, key ARN or alias that names an AWS-managed key (`alias/aws/s3`, its ARN form). */
export function isAwsManagedKey(key: string): boolean {
  return AWS_MANAGED_ALIAS.test(key);
}

/** A policy that requires one input naming a KMS key: what differs between them is the type, the input and the docs. */
interface KeyInputDefinition extends Omit<ResourcePolicyDefinition, "resourceTypes" | "validate" | "remediate"> {
  readonly resourceType: string;
  /** The input that names the key: `kmsKeyId`. */
  readonly keyInput: string;
  /** What a resource without a key is, for the message: `messages are not encrypted at rest`. */
  readonly unencrypted: string;
}

/**
 * Presence decides: an unknown value is a key ARN not created yet, which is the usual case. The
 * providers have no default key and treat "" as unset, so "" is judged like absent.
 */
export function keyInputPolicy(definition: KeyInputDefinition): CompliancePolicy {
  const { resourceType, keyInput, unencrypted, ...base } = definition;
  return resourcePolicy({
    ...base,
    resourceTypes: [resourceType],
    validate: (check) => {
      if (!isSet(check.resource.props, keyInput) || read.string(check.resource.props, keyInput) === "") {
        check.violation(`${unencrypted}: set ${keyInput}`);
      }
    },
  });
}
