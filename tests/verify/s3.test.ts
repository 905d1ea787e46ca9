import {
  GetBucketEncryptionCommand,
  GetBucketPolicyCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
} from "@aws-sdk/client-s3";
import { s3Checks } from "../../verify/checks/s3";
import type { Check } from "../../verify/types";
import { awsError, healthyStack, KEY_ID, mocks, runCheck } from "./stack-fixture";

const check = (id: string): Check => s3Checks.find((c) => c.id === id) as Check;

beforeEach(healthyStack);

describe("s3 checks on a healthy bucket", () => {
  it.each(s3Checks.map((c) => [c.id, c]))("%s passes", async (_id, c) => {
    expect(await runCheck(c)).toMatchObject({ status: "pass" });
  });
});

describe("s3.bucket", () => {
  it("fails when HeadBucket says NotFound", async () => {
    mocks.s3.on(HeadBucketCommand).rejects(awsError("NotFound"));
    expect(await runCheck(check("s3.bucket"))).toMatchObject({
      status: "fail",
      detail: expect.stringContaining("'pipeline-artifacts-dev' not found"),
    });
  });

  it("reports a denied HeadBucket as an access problem naming the action", async () => {
    mocks.s3.on(HeadBucketCommand).rejects(awsError("AccessDenied"));
    expect(await runCheck(check("s3.bucket"))).toMatchObject({
      status: "fail",
      detail: expect.stringMatching(/^access denied for s3:ListBucket \(HeadBucket\)/),
    });
  });
});

describe("s3.versioning", () => {
  it.each([
    ["Suspended", "versioning is Suspended"],
    [undefined, "versioning is never enabled"],
  ])("fails when Status is %s", async (Status, text) => {
    mocks.s3.on(GetBucketVersioningCommand).resolves(Status ? { Status: "Suspended" } : {});
    expect(await runCheck(check("s3.versioning"))).toMatchObject({ status: "fail", detail: expect.stringContaining(text) });
  });
});

describe("s3.encryption", () => {
  const encryption = (SSEAlgorithm: "AES256" | "aws:kms", KMSMasterKeyID?: string) =>
    mocks.s3.on(GetBucketEncryptionCommand).resolves({
      ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm, KMSMasterKeyID } }] },
    });

  it("accepts the bare key id", async () => {
    encryption("aws:kms", KEY_ID);
    expect(await runCheck(check("s3.encryption"))).toMatchObject({ status: "pass" });
  });

  it.each([
    ["on SSE-S3", () => encryption("AES256"), "default encryption is AES256"],
    [
      "when no default encryption rule comes back",
      () => mocks.s3.on(GetBucketEncryptionCommand).resolves({}),
      "default encryption is unset",
    ],
    ["on the AWS managed key", () => encryption("aws:kms"), "no key (AWS managed)"],
    [
      "on another customer key",
      () => encryption("aws:kms", "arn:aws:kms:eu-west-1:123456789012:key/other"),
      "'arn:aws:kms:eu-west-1:123456789012:key/other'",
    ],
  ])("fails %s", async (_case, answer, text) => {
    answer();
    expect(await runCheck(check("s3.encryption"))).toMatchObject({ status: "fail", detail: expect.stringContaining(text) });
  });
});

describe("s3.public-access-block", () => {
  it("names the flags that are off", async () => {
    mocks.s3.on(GetPublicAccessBlockCommand).resolves({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: false, BlockPublicPolicy: true },
    });
    expect(await runCheck(check("s3.public-access-block"))).toMatchObject({
      status: "fail",
      detail: "public access block off: IgnorePublicAcls, RestrictPublicBuckets",
    });
  });

  it("fails when the configuration is absent", async () => {
    mocks.s3.on(GetPublicAccessBlockCommand).resolves({});
    expect(await runCheck(check("s3.public-access-block"))).toMatchObject({
      status: "fail",
      detail: expect.stringContaining("BlockPublicAcls"),
    });
  });
});

describe("s3.tls-only-policy", () => {
  const policy = (Statement: unknown) => mocks.s3.on(GetBucketPolicyCommand).resolves({ Policy: JSON.stringify({ Statement }) });

  it("accepts a single statement with a boolean false in a list", async () => {
    policy({ Effect: "Deny", Principal: "*", Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": [false] } } });
    expect(await runCheck(check("s3.tls-only-policy"))).toMatchObject({ status: "pass" });
  });

  it("fails when the TLS condition is on an Allow", async () => {
    policy([{ Effect: "Allow", Principal: "*", Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } } }]);
    expect(await runCheck(check("s3.tls-only-policy"))).toMatchObject({
      status: "fail",
      detail: expect.stringContaining("no Deny statement"),
    });
  });

  it("fails when the policy has no statement", async () => {
    policy(undefined);
    expect(await runCheck(check("s3.tls-only-policy"))).toMatchObject({ status: "fail" });
  });

  it("fails when the bucket has no policy", async () => {
    mocks.s3.on(GetBucketPolicyCommand).rejects(awsError("NoSuchBucketPolicy"));
    expect(await runCheck(check("s3.tls-only-policy"))).toMatchObject({ status: "fail", detail: expect.stringContaining("has no policy") });
  });

  it("reports other errors with the AWS error code", async () => {
    mocks.s3.on(GetBucketPolicyCommand).rejects(awsError("SlowDown", "Please reduce your request rate."));
    expect(await runCheck(check("s3.tls-only-policy"))).toMatchObject({
      status: "fail",
      detail: "s3:GetBucketPolicy failed: SlowDown: Please reduce your request rate.",
    });
  });
});
