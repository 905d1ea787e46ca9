import type { CompliancePolicy } from "../lib/policy";
import { bucketAccessLogging } from "./bucket-access-logging";
import { bucketAclsDisabled } from "./bucket-acls-disabled";
import { bucketKmsEncryption } from "./bucket-kms-encryption";
import { bucketLifecycle } from "./bucket-lifecycle";
import { bucketPolicyNotPublic } from "./bucket-policy-not-public";
import { bucketPublicAccessBlock } from "./bucket-public-access-block";
import { bucketTlsOnly } from "./bucket-tls-only";
import { bucketVersioning } from "./bucket-versioning";
import { noDeprecatedInlineConfig } from "./no-deprecated-inline-config";

export const s3Policies: readonly CompliancePolicy[] = [
  noDeprecatedInlineConfig,
  bucketKmsEncryption,
  bucketVersioning,
  bucketPublicAccessBlock,
  bucketTlsOnly,
  bucketAclsDisabled,
  bucketLifecycle,
  bucketPolicyNotPublic,
  bucketAccessLogging,
];
