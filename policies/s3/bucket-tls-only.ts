import { judgement, requireCompanion } from "../lib/companions";
import { parsePolicyDocument, Statement } from "../lib/iam-policy";
import { CompliancePolicy, stackPolicy, Subject } from "../lib/policy";
import { StringList } from "../lib/props";
import { allPass, anyPasses, Verdict } from "../lib/state";
import { bucketRequirement } from "./bucket-companions";

const BUCKET_ARN = /^arn:[^:]+:s3:::[^/]+$/;
const OBJECTS_ARN = /^arn:[^:]+:s3:::[^/]+\/\*$/;
const ALL_S3_ACTIONS = /^(\*|s3:\*)$/i;

function known(list: StringList, test: (value: string) => boolean): Verdict {
  if (list.values.some(test)) {
    return "pass";
  }
  return list.unknown ? "unknown" : "fail";
}

function deniesInsecureTransport(statement: Statement): Verdict {
  const effect = statement.effect === "Deny" ? "pass" : statement.effect === "unknown" ? "unknown" : "fail";
  const principals = statement.principals;
  const principal = principals?.anyone ? "pass" : principals?.unknown ? "unknown" : "fail";
  const actions = known(statement.actions, (action) => ALL_S3_ACTIONS.test(action));
  const bucket = known(statement.resources, (resource) => resource === "*" || BUCKET_ARN.test(resource));
  const objects = known(statement.resources, (resource) => resource === "*" || OBJECTS_ARN.test(resource));
  const secureTransport = statement.conditions.filter(
    (c) => /^Bool(IfExists)?$/.test(c.operator) && c.key.toLowerCase() === "aws:securetransport",
  );
  const condition = anyPasses([
    ...secureTransport.map((c) => known(c.values, (value) => value.toLowerCase() === "false")),
    statement.conditionsUnknown ? "unknown" : "fail",
  ]);
  return allPass([effect, principal, actions, bucket, objects, condition]);
}

const REASON_FAIL = "its policy has no Deny for anyone on s3:* for the bucket and its objects when aws:SecureTransport is false";

function judge(companion: Subject) {
  const parsed = parsePolicyDocument(companion.props, "policy");
  if (parsed.kind === "unknown") {
    return judgement("unknown", "policy is unknown during preview");
  }
  if (parsed.kind === "malformed") {
    return judgement("fail", parsed.reason);
  }
  // `policy` is required: absent offline, it was computed from a value unknown during preview.
  if (parsed.kind === "absent") {
    return judgement(
      "unknown",
      "policy is not set: a required policy is missing only when its value is computed and unknown during preview",
    );
  }
  const verdict = anyPasses(parsed.value.statements.map(deniesInsecureTransport));
  return judgement(
    verdict,
    verdict === "unknown" ? "a statement's effect, principal, action, resource or condition is unknown during preview" : REASON_FAIL,
  );
}

export const bucketTlsOnly: CompliancePolicy = stackPolicy({
  name: "s3-bucket-tls-only",
  description: "Every S3 bucket must have a BucketPolicy that denies requests without TLS (aws:SecureTransport false).",
  severity: "high",
  enforcementLevel: "mandatory",
  docs: {
    what: 'Each `aws.s3.Bucket` needs an `aws.s3.BucketPolicy` naming it with a statement that denies `s3:*` to principal `*` on the bucket ARN and `<arn>/*` under `Bool: { "aws:SecureTransport": "false" }`.',
    why: "S3 accepts plain-HTTP requests unless a policy refuses them; artifacts and the credentials in requests would cross the network readable and alterable.",
    fix: 'Add a `BucketPolicy` with `{ Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [bucket.arn, pulumi.interpolate`${bucket.arn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } }`.',
    url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html",
    compliance: { cis: ["2.1.1"], nist: ["SC-8", "SC-8(1)"], pci: ["4.2.1"] },
  },
  validate: (check) => requireCompanion(check, bucketRequirement(["BucketPolicy"], "BucketPolicy that denies requests without TLS", judge)),
});
