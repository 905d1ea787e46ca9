import { requireCompanion } from "../lib/companions";
import { CompliancePolicy, stackPolicy } from "../lib/policy";
import { isUnknown, read } from "../lib/props";
import { bucketRequirement } from "./bucket-companions";

export const bucketVersioning: CompliancePolicy = stackPolicy({
  name: "s3-bucket-versioning",
  description: "Every S3 bucket must have versioning enabled through a BucketVersioning resource.",
  severity: "medium",
  enforcementLevel: "mandatory",
  docs: {
    what: "Each `aws.s3.Bucket` needs an `aws.s3.BucketVersioning` naming it with `versioningConfiguration.status` `Enabled`.",
    why: "Without versions an overwritten or deleted artifact is gone: no rollback to the previous build, no recovery from a mistaken or malicious delete.",
    fix: 'Add `new aws.s3.BucketVersioning(name, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } })`, and a lifecycle rule that expires noncurrent versions (`s3-bucket-lifecycle`).',
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html",
    compliance: { nist: ["CP-9"] },
  },
  validate: (check) =>
    requireCompanion(
      check,
      bucketRequirement(["BucketVersioning", "BucketVersioningV2"], 'BucketVersioning with status "Enabled"', (companion) => {
        const status = read.string(companion.props, "versioningConfiguration.status");
        if (isUnknown(status)) {
          return { verdict: "unknown", reason: "versioningConfiguration.status is unknown during preview" };
        }
        return status === "Enabled" ? { verdict: "pass" } : { verdict: "fail", reason: `status is ${status ?? "not set"}` };
      }),
    ),
});
