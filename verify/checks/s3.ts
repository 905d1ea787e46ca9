import {
  GetBucketEncryptionCommand,
  GetBucketPolicyCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
} from "@aws-sdk/client-s3";
import { describeKey, isStackKey } from "../keys";
import { type Check, fail, pass } from "../types";
import { callCheck, callUnlessMissing } from "./check";

const BUCKET = "s3.bucket";

const bucketExists: Check = {
  id: BUCKET,
  title: "artifact bucket exists",
  async run({ outputs, clients }) {
    const Bucket = outputs.artifactBucketName;
    const found = await callUnlessMissing("s3:ListBucket (HeadBucket)", "NotFound", () =>
      clients.s3.send(new HeadBucketCommand({ Bucket })),
    );
    return found === undefined
      ? fail(`bucket '${Bucket}' not found; deploy the stack or fix artifactBucketName`)
      : pass(`bucket '${Bucket}' exists`);
  },
};

const versioning = callCheck({
  id: "s3.versioning",
  title: "artifact bucket versioning is Enabled",
  requires: BUCKET,
  operation: "s3:GetBucketVersioning",
  send: ({ outputs, clients }) => clients.s3.send(new GetBucketVersioningCommand({ Bucket: outputs.artifactBucketName })),
  judge: (res) =>
    res.Status === "Enabled" ? pass("versioning Enabled") : fail(`versioning is ${res.Status ?? "never enabled"}, expected Enabled`),
});

const encryption = callCheck({
  id: "s3.encryption",
  title: "artifact bucket encrypts with the stack's KMS key",
  requires: BUCKET,
  operation: "s3:GetEncryptionConfiguration",
  send: ({ outputs, clients }) => clients.s3.send(new GetBucketEncryptionCommand({ Bucket: outputs.artifactBucketName })),
  judge(res, outputs) {
    const byDefault = res.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault;
    if (byDefault?.SSEAlgorithm !== "aws:kms") {
      return fail(`default encryption is ${byDefault?.SSEAlgorithm ?? "unset"}, expected aws:kms with ${outputs.kmsKeyArn}`);
    }
    const key = byDefault.KMSMasterKeyID;
    return isStackKey(key, outputs)
      ? pass(`aws:kms with ${key}`)
      : fail(`aws:kms with ${describeKey(key)}, expected the stack's key ${outputs.kmsKeyArn}`);
  },
});

const FLAGS = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"] as const;

const publicAccess = callCheck({
  id: "s3.public-access-block",
  title: "artifact bucket blocks all public access",
  requires: BUCKET,
  operation: "s3:GetBucketPublicAccessBlock",
  send: ({ outputs, clients }) => clients.s3.send(new GetPublicAccessBlockCommand({ Bucket: outputs.artifactBucketName })),
  judge(res) {
    const config = res.PublicAccessBlockConfiguration ?? {};
    const off = FLAGS.filter((flag) => config[flag] !== true);
    return off.length === 0 ? pass("all four public access blocks on") : fail(`public access block off: ${off.join(", ")}`);
  },
});

interface PolicyStatement {
  Effect?: unknown;
  Condition?: Record<string, Record<string, unknown> | undefined>;
}

function deniesInsecureTransport(statement: PolicyStatement): boolean {
  const value = statement.Condition?.Bool?.["aws:SecureTransport"];
  const values = Array.isArray(value) ? value : [value];
  return statement.Effect === "Deny" && values.some((v) => String(v) === "false");
}

const tlsOnly: Check = {
  id: "s3.tls-only-policy",
  title: "artifact bucket policy denies requests without TLS",
  requires: BUCKET,
  async run({ outputs, clients }) {
    const res = await callUnlessMissing("s3:GetBucketPolicy", "NoSuchBucketPolicy", () =>
      clients.s3.send(new GetBucketPolicyCommand({ Bucket: outputs.artifactBucketName })),
    );
    const policy = res?.Policy;
    if (!policy) return fail("the bucket has no policy; add a Deny statement on aws:SecureTransport = false");
    const parsed = JSON.parse(policy) as { Statement?: PolicyStatement | PolicyStatement[] };
    const statements = Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement ?? {}];
    return statements.some(deniesInsecureTransport)
      ? pass("Deny when aws:SecureTransport is false")
      : fail("no Deny statement with Condition Bool aws:SecureTransport = false");
  },
};

export const s3Checks: readonly Check[] = [bucketExists, versioning, encryption, publicAccess, tlsOnly];
