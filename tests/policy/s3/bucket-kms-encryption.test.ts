import { secret, TestResource, unknown, verdicts } from "../harness";
import { bucket, companionOf, stackFindings } from "./buckets";

const POLICY = "s3-bucket-kms-encryption";
const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const KEY = "arn:aws:kms:us-east-1:111111111111:key/abc";

const artifacts = bucket("artifacts");
const sse = (rules: unknown) => companionOf(SSE, "sse", artifacts, { rules });
const rule = (sseAlgorithm: unknown, kmsMasterKeyId?: unknown) => ({
  applyServerSideEncryptionByDefault: { sseAlgorithm, kmsMasterKeyId },
  bucketKeyEnabled: true,
});

const findings = (resources: readonly TestResource[], config?: Record<string, unknown>) => stackFindings(POLICY, resources, config);
const messages = async (rules: unknown, config?: Record<string, unknown>) =>
  (await findings([artifacts, sse(rules)], config)).map((d) => d.message);

describe("s3-bucket-kms-encryption", () => {
  it("passes aws:kms and aws:kms:dsse with a key, even a key unknown at preview or secret", async () => {
    expect(await messages([rule("aws:kms", KEY)])).toEqual([]);
    expect(await messages([rule("aws:kms:dsse", unknown)])).toEqual([]);
    expect(await messages([rule("aws:kms", secret(KEY))])).toEqual([]);
  });

  it("reports the AWS managed key and SSE-S3, naming the rule", async () => {
    expect(await messages([rule("aws:kms")])).toEqual([
      expect.stringContaining("(sse: rules[0] uses aws:kms with the AWS managed key (no kmsMasterKeyId))"),
    ]);
    expect(await messages([rule("AES256")])).toEqual([expect.stringContaining("(sse: rules[0] uses AES256)")]);
    expect(await messages([{}])).toEqual([expect.stringContaining("(sse: rules[0] uses no sseAlgorithm)")]);
    expect(await messages([])).toEqual([expect.stringContaining("(sse: it has no rules)")]);
    expect(await messages("odd")).toEqual([expect.stringContaining("(sse: it has no rules)")]);
  });

  it("judges an empty kmsMasterKeyId like absent: both leave the AWS managed key", async () => {
    expect(verdicts(await findings([artifacts, sse([rule("aws:kms")])]))).toEqual(["mandatory"]);
    expect(verdicts(await findings([artifacts, sse([rule("aws:kms", "")])]))).toEqual(["mandatory"]);
  });

  it("accepts AES256 only when the config allows it", async () => {
    expect(await messages([rule("AES256")], { allowAes256: true })).toEqual([]);
    expect(await messages([rule("aws:kms")], { allowAes256: true })).toHaveLength(1);
  });

  it("is undecided when the rules or an algorithm are unknown", async () => {
    expect(await messages(unknown)).toEqual([expect.stringMatching(/^\[undecided\] .*sse: rules is unknown during preview$/)]);
    expect(await messages([rule(unknown, KEY)])).toEqual([
      expect.stringMatching(/^\[undecided\] .*an sseAlgorithm is unknown during preview$/),
    ]);
  });

  it("passes when one rule is right even if another is unknown", async () => {
    expect(await messages([rule(unknown), rule("aws:kms", KEY)])).toEqual([]);
  });

  it("accepts the deprecated V2 resource as the companion", async () => {
    const v2: TestResource = {
      type: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
      name: "sse",
      props: { bucket: "artifacts-1a2b3c", rules: [rule("aws:kms", KEY)] },
    };
    expect(await findings([artifacts, v2])).toEqual([]);
  });
});
