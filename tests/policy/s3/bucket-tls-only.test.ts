import { TestResource, unknown } from "../harness";
import { object as doc, statementLike } from "../iam/documents";
import { bucket, companionOf, stackFindings } from "./buckets";

const POLICY = "s3-bucket-tls-only";
const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const ARN = "arn:aws:s3:::artifacts-1a2b3c";

const denyInsecure = statementLike({
  Sid: "DenyInsecureTransport",
  Effect: "Deny",
  Principal: { AWS: "*" },
  Action: "s3:*",
  Resource: [ARN, `${ARN}/*`],
  Condition: { Bool: { "aws:SecureTransport": "false" } },
});

const artifacts = bucket("artifacts");
const withPolicy = (policy: unknown) => companionOf(BUCKET_POLICY, "policy", artifacts, { policy });
const findings = (resources: readonly TestResource[]) => stackFindings(POLICY, resources);
const messages = async (policy: unknown) => (await findings([artifacts, withPolicy(policy)])).map((d) => d.message);

const FAIL = /^artifacts has no BucketPolicy that denies requests without TLS \(policy: its policy has no Deny/;
const UNDECIDED = /^\[undecided\] cannot tell whether artifacts has BucketPolicy that denies requests without TLS: policy: /;

describe("s3-bucket-tls-only", () => {
  it("passes the right statement, as a JSON string or an object, single or in a list", async () => {
    expect(await messages(JSON.stringify(doc(denyInsecure())))).toEqual([]);
    expect(await messages({ Version: "2012-10-17", Statement: denyInsecure({ Principal: "*", Action: ["S3:*"], Resource: "*" }) })).toEqual(
      [],
    );
    expect(
      await messages(
        doc(
          { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "s3:GetObject", Resource: "*" },
          denyInsecure({ Action: "*", Condition: { BoolIfExists: { "AWS:SecureTransport": "False" } } }),
        ),
      ),
    ).toEqual([]);
  });

  it("reports a deny that misses the bucket, the objects, the actions, the principal or the condition", async () => {
    const broken = [
      denyInsecure({ Resource: [`${ARN}/*`] }),
      denyInsecure({ Resource: [ARN] }),
      denyInsecure({ Action: ["s3:GetObject"] }),
      denyInsecure({ Principal: { AWS: "arn:aws:iam::111111111111:root" } }),
      denyInsecure({ Principal: undefined }),
      denyInsecure({ Effect: "Allow" }),
      denyInsecure({ Condition: { Bool: { "aws:SecureTransport": "true" } } }),
      denyInsecure({ Condition: { StringEquals: { "aws:SecureTransport": "false" } } }),
      denyInsecure({ Condition: undefined }),
    ];
    for (const statement of broken) {
      expect(await messages(doc(statement))).toEqual([expect.stringMatching(FAIL)]);
    }
  });

  it("reports empty and malformed documents", async () => {
    expect(await messages(doc())).toEqual([expect.stringMatching(FAIL)]);
    expect(await messages("{not json")).toEqual([expect.stringMatching(/\(policy: policy is not valid JSON/)]);
  });

  it("is undecided when the document or a part it needs is unknown", async () => {
    expect(await messages(unknown)).toEqual([expect.stringMatching(UNDECIDED)]);
    // The policy is required: absent, it was computed from a value unknown during preview.
    expect(await messages(undefined)).toEqual([
      expect.stringMatching(/^\[undecided\] .*policy is not set: a required policy is missing only when/),
    ]);
    const parts = [
      denyInsecure({ Effect: unknown }),
      denyInsecure({ Principal: { AWS: unknown } }),
      denyInsecure({ Action: unknown }),
      denyInsecure({ Resource: [unknown, unknown] }),
      denyInsecure({ Condition: unknown }),
      denyInsecure({ Condition: { Bool: { "aws:SecureTransport": unknown } } }),
    ];
    for (const statement of parts) {
      expect(await messages(doc(statement))).toEqual([expect.stringMatching(UNDECIDED)]);
    }
  });

  it("fails rather than waits when the known parts already rule the statement out", async () => {
    expect(await messages(doc(denyInsecure({ Effect: "Allow", Resource: unknown })))).toEqual([expect.stringMatching(FAIL)]);
  });
});
