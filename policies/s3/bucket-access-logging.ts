import { CompanionIndex, CompanionSpec, indexCompanions } from "../lib/companions";
import { nameMatches } from "../lib/names";
import { CompliancePolicy, StackCheck, stackPolicy, stringList, Subject } from "../lib/policy";
import { knownOr, read } from "../lib/props";
import { s3Type } from "../lib/resource-types";
import { BUCKET_TYPES } from "./bucket-companions";

const LOGGING: CompanionSpec = {
  parentTypes: BUCKET_TYPES,
  parentKeys: ["bucket"],
  companionTypes: ["BucketLogging", "BucketLoggingV2"].map(s3Type),
  reference: "bucket",
};
// The same resources, looked up from the other side: which bucket each one sends logs to.
const TARGETS = { ...LOGGING, reference: "targetBucket" };

const NEEDS = "BucketLogging sending its server access logs to another bucket";

/** Why a bucket may still be fine although no logging of its own passed: companions nobody can place yet. */
function unresolvedNotes(logging: CompanionIndex, targets: CompanionIndex): string[] {
  return [
    ...logging.unresolved.map((l) => `${l.name}'s bucket is unknown during preview and depends on no bucket`),
    ...targets.unresolved.map(
      (l) => `${l.name}'s targetBucket is unknown during preview and depends on no bucket, so this bucket may be a log target`,
    ),
  ];
}

function checkBucket(check: StackCheck, bucket: Subject, logging: CompanionIndex, targets: CompanionIndex, notes: readonly string[]): void {
  const own = logging.of(bucket);
  // A bucket that receives the logs of others is a log target; its own logging pointing at itself is not.
  const selfLogging = targets.of(bucket).filter((l) => own.includes(l));
  if (targets.of(bucket).length > selfLogging.length) {
    return;
  }
  if (own.length > selfLogging.length) {
    return;
  }
  if (notes.length > 0) {
    check.undecided(bucket, `cannot tell whether ${bucket.name} has ${NEEDS} or receives access logs: ${notes.slice(0, 3).join("; ")}`);
    return;
  }
  const detail =
    selfLogging.length > 0
      ? ` (${selfLogging.map((l) => l.name).join(", ")} sends its logs to the bucket itself, which logs every log delivery)`
      : "";
  check.violation(bucket, `${bucket.name} has no ${NEEDS}${detail}`);
}

function validate(check: StackCheck): void {
  const exempt = knownOr(read.array(check.config, "exemptBuckets"), []);
  const logging = indexCompanions(check.resources, LOGGING);
  const targets = indexCompanions(check.resources, TARGETS);
  const notes = unresolvedNotes(logging, targets);
  for (const bucket of logging.parents) {
    if (!nameMatches(exempt, [bucket.name, read.string(bucket.props, "bucket")])) {
      checkBucket(check, bucket, logging, targets, notes);
    }
  }
}

export const bucketAccessLogging: CompliancePolicy = stackPolicy({
  name: "s3-bucket-access-logging",
  description: "Every S3 bucket should send server access logs to a log bucket through a BucketLogging resource.",
  severity: "low",
  enforcementLevel: "advisory",
  config: {
    exemptBuckets: stringList("Buckets (resource or physical names, `*` wildcards) that need no access logs."),
  },
  docs: {
    what: `Each \`aws.s3.Bucket\` needs an \`${s3Type("BucketLogging")}\` (\`aws.s3.BucketLogging\`) naming it in \`bucket\` and another bucket in \`targetBucket\`. A bucket named in some BucketLogging's \`targetBucket\` is a log target and needs none; the config \`exemptBuckets\` lists others. The deprecated inline \`logging\` block does not count (\`s3-no-deprecated-inline-config\` reports it).`,
    why: "Server access logs record each request to the artifacts (requester, source address, operation, object), which CloudTrail records only with paid data events: without them a replaced deploy input cannot be traced.",
    fix: 'Create a log bucket whose policy lets `logging.s3.amazonaws.com` put objects (from the source bucket\'s ARN and account) and whose key, when SSE-KMS, is a customer managed key that lets the same principal generate data keys (the AWS managed `aws/s3` key cannot be used), then `new aws.s3.BucketLogging(name, { bucket: bucket.id, targetBucket: logBucket.id, targetPrefix: "artifacts/" })`.',
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html",
    compliance: { nist: ["AU-2", "AU-12"], pci: ["10.2.1"] },
  },
  validate,
});
