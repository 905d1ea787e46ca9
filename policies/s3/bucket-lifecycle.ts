import { judgement, requireCompanion } from "../lib/companions";
import { CompliancePolicy, stackPolicy, Subject } from "../lib/policy";
import { isSet, knownOr, read, UNKNOWN } from "../lib/props";
import { allPass, anyPasses, Verdict, verdictOn } from "../lib/state";
import { bucketRequirement } from "./bucket-companions";

const NONCURRENT = "noncurrentVersionExpiration.noncurrentDays";
const ABORT = "abortIncompleteMultipartUpload.daysAfterInitiation";

function enabled(rule: unknown): Verdict {
  return verdictOn(read.string(rule, "status"), (status) => status === "Enabled");
}

/** A set field counts even when its value is unknown: the rule is there, only the number is not known. */
function has(rule: unknown, path: string): Verdict {
  return isSet(rule, path) ? "pass" : "fail";
}

function judge(companion: Subject) {
  const rules = read.array(companion.props, "rules");
  if (rules === UNKNOWN) {
    return judgement("unknown", "rules is unknown during preview");
  }
  const list = knownOr(rules, []);
  const noncurrent = anyPasses(list.map((rule) => allPass([enabled(rule), has(rule, NONCURRENT)])));
  const abort = anyPasses(list.map((rule) => allPass([enabled(rule), has(rule, ABORT)])));
  const missing = [
    noncurrent === "fail" ? "no enabled rule sets noncurrentVersionExpiration.noncurrentDays" : undefined,
    abort === "fail" ? "no enabled rule sets abortIncompleteMultipartUpload.daysAfterInitiation" : undefined,
  ].filter((reason) => reason !== undefined);
  return judgement(allPass([noncurrent, abort]), missing.length > 0 ? missing.join("; ") : "a rule's status is unknown during preview");
}

export const bucketLifecycle: CompliancePolicy = stackPolicy({
  name: "s3-bucket-lifecycle",
  description:
    "Every S3 bucket should expire noncurrent versions and abort incomplete multipart uploads through a BucketLifecycleConfiguration.",
  severity: "low",
  enforcementLevel: "advisory",
  docs: {
    what: "Each `aws.s3.Bucket` needs an `aws.s3.BucketLifecycleConfiguration` naming it with enabled rules that set `noncurrentVersionExpiration.noncurrentDays` and `abortIncompleteMultipartUpload.daysAfterInitiation` (the same rule or two rules).",
    why: "A versioned artifact bucket keeps every replaced artifact, and failed multipart uploads keep their parts; without expiry both grow and are billed forever.",
    fix: 'Add `new aws.s3.BucketLifecycleConfiguration(name, { bucket: bucket.id, rules: [{ id: "expire", status: "Enabled", filter: {}, noncurrentVersionExpiration: { noncurrentDays: 30 }, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } }] })`.',
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lifecycle-mgmt.html",
    compliance: { nist: ["SI-12"] },
  },
  validate: (check) =>
    requireCompanion(
      check,
      bucketRequirement(
        ["BucketLifecycleConfiguration", "BucketLifecycleConfigurationV2"],
        "BucketLifecycleConfiguration that expires noncurrent versions and aborts incomplete multipart uploads",
        judge,
      ),
    ),
});
