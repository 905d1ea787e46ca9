import { CompliancePolicy, ResourceCheck, resourcePolicy } from "../lib/policy";
import { isSet, read } from "../lib/props";
import { S3_BUCKET, S3_BUCKET_V2, s3Type } from "../lib/resource-types";

/** Deprecated inline input -> the resource that replaces it. */
const INLINE_REPLACEMENTS: Readonly<Record<string, string>> = {
  versioning: "aws.s3.BucketVersioning",
  serverSideEncryptionConfiguration: "aws.s3.BucketServerSideEncryptionConfiguration",
  lifecycleRules: "aws.s3.BucketLifecycleConfiguration",
  acl: "aws.s3.BucketAcl (or better, BucketOwnershipControls with ACLs disabled)",
  grants: "aws.s3.BucketAcl",
  corsRules: "aws.s3.BucketCorsConfiguration",
  logging: "aws.s3.BucketLogging",
  website: "aws.s3.BucketWebsiteConfiguration",
  policy: "aws.s3.BucketPolicy",
  replicationConfiguration: "aws.s3.BucketReplicationConfig",
  objectLockConfiguration: "objectLockEnabled on the bucket plus aws.s3.BucketObjectLockConfiguration",
  accelerationStatus: "aws.s3.BucketAccelerateConfiguration",
  requestPayer: "aws.s3.BucketRequestPaymentConfiguration",
};

/** Deprecated `...V2` resource name -> current name; tokens are `aws:s3/<camelName>:<Name>`. */
const V2_REPLACEMENTS: Readonly<Record<string, string>> = {
  BucketV2: "Bucket",
  BucketAccelerateConfigurationV2: "BucketAccelerateConfiguration",
  BucketAclV2: "BucketAcl",
  BucketCorsConfigurationV2: "BucketCorsConfiguration",
  BucketLifecycleConfigurationV2: "BucketLifecycleConfiguration",
  BucketLoggingV2: "BucketLogging",
  BucketObjectLockConfigurationV2: "BucketObjectLockConfiguration",
  BucketRequestPaymentConfigurationV2: "BucketRequestPaymentConfiguration",
  BucketServerSideEncryptionConfigurationV2: "BucketServerSideEncryptionConfiguration",
  BucketVersioningV2: "BucketVersioning",
  BucketWebsiteConfigurationV2: "BucketWebsiteConfiguration",
};

const V2_BY_TOKEN = new Map(Object.entries(V2_REPLACEMENTS).map(([name, current]) => [s3Type(name), { name, current }]));

/** An empty list is what some programs pass for "none"; it configures nothing. */
function configures(props: unknown, field: string): boolean {
  const list = read.array(props, field);
  return isSet(props, field) && !(Array.isArray(list) && list.length === 0);
}

function validate(check: ResourceCheck): void {
  const { type, props } = check.resource;
  const v2 = V2_BY_TOKEN.get(type);
  if (v2) {
    check.violation(`aws.s3.${v2.name} is deprecated in @pulumi/aws 7: use aws.s3.${v2.current}`);
  }
  if (type !== S3_BUCKET && type !== S3_BUCKET_V2) {
    return;
  }
  for (const [field, replacement] of Object.entries(INLINE_REPLACEMENTS)) {
    if (configures(props, field)) {
      check.violation(`the inline input ${field} is deprecated: remove it and use ${replacement}`);
    }
  }
}

export const noDeprecatedInlineConfig: CompliancePolicy = resourcePolicy({
  name: "s3-no-deprecated-inline-config",
  description: "S3 buckets must be configured with one resource per concern, not deprecated inline inputs or ...V2 resources.",
  severity: "high",
  enforcementLevel: "mandatory",
  resourceTypes: [S3_BUCKET, ...V2_BY_TOKEN.keys()],
  docs: {
    what: `\`aws.s3.Bucket\` must not set ${Object.keys(INLINE_REPLACEMENTS)
      .map((f) => `\`${f}\``)
      .join(", ")} (\`objectLockEnabled\` alone is fine), and the deprecated ${Object.keys(V2_REPLACEMENTS)
      .map((n) => `\`${n}\``)
      .join(", ")} resources must not be used.`,
    why: "Inline blocks and the dedicated resources manage the same settings, so using both causes perpetual diffs and silently reverted settings; the inline inputs and the V2 aliases are deprecated and will be removed.",
    fix: "Keep the bucket bare and add one resource per concern: BucketVersioning, BucketServerSideEncryptionConfiguration, BucketLifecycleConfiguration, BucketPublicAccessBlock, BucketPolicy, and so on; rename ...V2 resources to their names without V2 (with an alias to avoid replacement).",
    url: "https://www.pulumi.com/registry/packages/aws/how-to-guides/7-0-migration/",
    compliance: { nist: ["CM-2"] },
  },
  validate,
});
