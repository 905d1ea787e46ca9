/**
 * Tells customer-managed KMS keys from the AWS-managed ones (`alias/aws/<service>`), which give the
 * account no control over the key policy, rotation or cross-account use.
 */

const AWS_MANAGED_ALIAS = /(^|:)alias\/aws\//;

/** True for a key id, key ARN or alias that names an AWS-managed key (`alias/aws/s3`, its ARN form). */
export function isAwsManagedKey(key: string): boolean {
  return AWS_MANAGED_ALIAS.test(key);
}
