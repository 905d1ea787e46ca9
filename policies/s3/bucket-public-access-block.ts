import { requireCompanion } from "../lib/companions";
import { CompliancePolicy, stackPolicy, Subject } from "../lib/policy";
import { isUnknown, read } from "../lib/props";
import { bucketRequirement } from "./bucket-companions";

const FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

function judge(companion: Subject) {
  const values = FLAGS.map((flag) => read.boolean(companion.props, flag));
  const off = FLAGS.filter((_, index) => values[index] !== true && !isUnknown(values[index]));
  if (off.length > 0) {
    return { verdict: "fail" as const, reason: `${off.join(", ")} not true` };
  }
  const unknown = FLAGS.filter((_, index) => isUnknown(values[index]));
  return unknown.length > 0
    ? { verdict: "unknown" as const, reason: `${unknown.join(", ")} unknown during preview` }
    : { verdict: "pass" as const };
}

export const bucketPublicAccessBlock: CompliancePolicy = stackPolicy({
  name: "s3-bucket-public-access-block",
  description: "Every S3 bucket must have a BucketPublicAccessBlock with all four settings true.",
  severity: "high",
  enforcementLevel: "mandatory",
  docs: {
    what: "Each `aws.s3.Bucket` needs an `aws.s3.BucketPublicAccessBlock` naming it with `blockPublicAcls`, `blockPublicPolicy`, `ignorePublicAcls` and `restrictPublicBuckets` all `true`.",
    why: "The block overrides any ACL or bucket policy that would make objects public, so one mistaken change cannot leak the pipeline's artifacts.",
    fix: "Add `new aws.s3.BucketPublicAccessBlock(name, { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true })`.",
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
    compliance: { cis: ["2.1.4"], nist: ["AC-3", "SC-7"], pci: ["1.4.4"] },
  },
  validate: (check) =>
    requireCompanion(check, bucketRequirement(["BucketPublicAccessBlock"], "BucketPublicAccessBlock with all four settings true", judge)),
});
