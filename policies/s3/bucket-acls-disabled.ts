import { requireCompanion } from "../lib/companions";
import { CompliancePolicy, stackPolicy } from "../lib/policy";
import { isUnknown, read } from "../lib/props";
import { bucketRequirement } from "./bucket-companions";

export const bucketAclsDisabled: CompliancePolicy = stackPolicy({
  name: "s3-bucket-acls-disabled",
  description: "Every S3 bucket must disable ACLs through BucketOwnershipControls with BucketOwnerEnforced.",
  severity: "medium",
  enforcementLevel: "mandatory",
  docs: {
    what: "Each `aws.s3.Bucket` needs an `aws.s3.BucketOwnershipControls` naming it with `rule.objectOwnership` `BucketOwnerEnforced`.",
    why: "ACLs are a second access path beside policies, easy to overlook in reviews; with BucketOwnerEnforced they are ignored and the bucket owner owns every object.",
    fix: 'Add `new aws.s3.BucketOwnershipControls(name, { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } })`.',
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html",
    compliance: { nist: ["AC-3", "AC-6"] },
  },
  validate: (check) =>
    requireCompanion(
      check,
      bucketRequirement(["BucketOwnershipControls"], 'BucketOwnershipControls with objectOwnership "BucketOwnerEnforced"', (companion) => {
        const ownership = read.string(companion.props, "rule.objectOwnership");
        if (isUnknown(ownership)) {
          return { verdict: "unknown", reason: "rule.objectOwnership is unknown during preview" };
        }
        return ownership === "BucketOwnerEnforced"
          ? { verdict: "pass" }
          : { verdict: "fail", reason: `objectOwnership is ${ownership ?? "not set"}` };
      }),
    ),
});
