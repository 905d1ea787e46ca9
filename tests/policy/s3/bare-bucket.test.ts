// Every S3 stack policy that wants a configuration resource for each bucket reports a bucket that
// has none, against the bucket itself.
import type { EnforcementLevel } from "@pulumi/policy";
import { urnOf } from "../harness";
import { BUCKET, bucket, stackFindings } from "./buckets";

const CASES: readonly { policy: string; level: EnforcementLevel; message: unknown; what: string }[] = [
  {
    policy: "s3-bucket-access-logging",
    level: "advisory",
    what: "without a BucketLogging, at advisory, against the bucket",
    message: "artifacts has no BucketLogging sending its server access logs to another bucket",
  },
  {
    policy: "s3-bucket-acls-disabled",
    level: "mandatory",
    what: "without ownership controls",
    message: 'artifacts has no BucketOwnershipControls with objectOwnership "BucketOwnerEnforced"',
  },
  {
    policy: "s3-bucket-kms-encryption",
    level: "mandatory",
    what: "with no encryption configuration",
    message: expect.stringContaining("artifacts has no BucketServerSideEncryptionConfiguration with SSE-KMS"),
  },
  {
    policy: "s3-bucket-lifecycle",
    level: "advisory",
    what: "without lifecycle configuration, as advisory",
    message: expect.stringMatching(/^artifacts has no BucketLifecycleConfiguration/),
  },
  {
    policy: "s3-bucket-public-access-block",
    level: "mandatory",
    what: "without a public access block",
    message: "artifacts has no BucketPublicAccessBlock with all four settings true",
  },
  {
    policy: "s3-bucket-tls-only",
    level: "mandatory",
    what: "without a bucket policy",
    message: "artifacts has no BucketPolicy that denies requests without TLS",
  },
  {
    policy: "s3-bucket-versioning",
    level: "mandatory",
    what: "without a BucketVersioning, against the bucket",
    message: 'artifacts has no BucketVersioning with status "Enabled"',
  },
];

describe("a bucket with no configuration resource", () => {
  it.each(CASES)("$policy reports a bucket $what", async ({ policy, level, message }) => {
    expect(await stackFindings(policy, [bucket("artifacts")])).toEqual([
      { policyName: policy, level, urn: urnOf(BUCKET, "artifacts"), message },
    ]);
  });
});
