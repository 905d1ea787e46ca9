/**
 * The inputs of `aws.s3.Bucket` that `@pulumi/aws` 7 deprecates in favour of separate configuration
 * resources. The unit, policy and fuzz suites each check them against different code, so the list
 * is written once here, independently of the policy that reads it.
 */
export const DEPRECATED_INLINE_INPUTS: readonly string[] = [
  "versioning",
  "serverSideEncryptionConfiguration",
  "lifecycleRules",
  "acl",
  "grants",
  "corsRules",
  "logging",
  "website",
  "policy",
  "replicationConfiguration",
  "objectLockConfiguration",
  "accelerationStatus",
  "requestPayer",
];
