import { analyzeResource, of, secret, unknown, urnOf } from "../harness";
import { object as doc, statementLike } from "../iam/documents";

const POLICY = "s3-bucket-policy-not-public";
const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";

const statement = statementLike({
  Sid: "Read",
  Effect: "Allow",
  Principal: "*",
  Action: "s3:GetObject",
  Resource: "arn:aws:s3:::artifacts/*",
});

async function findings(policy: unknown) {
  return of(POLICY, await analyzeResource(BUCKET_POLICY, "policy", { bucket: "artifacts", policy }));
}

describe("s3-bucket-policy-not-public", () => {
  it("reports an unconditioned wildcard principal, as a string or an object document", async () => {
    expect(await findings(JSON.stringify(doc(statement())))).toEqual([
      {
        policyName: POLICY,
        level: "mandatory",
        urn: urnOf(BUCKET_POLICY, "policy"),
        message:
          'policy Statement[0] (Sid "Read") allows anyone (principal "*" with no Condition) to use the bucket: name the accounts, roles or services, or add a condition such as aws:SourceAccount or aws:PrincipalOrgID',
      },
    ]);
    expect(await findings(doc(statement({ Sid: undefined, Principal: { AWS: ["arn:aws:iam::111111111111:root", "*"] } })))).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^policy Statement\[0\] allows anyone/) }),
    ]);
    expect(await findings(doc(statement({ Principal: undefined, NotPrincipal: { AWS: "arn:aws:iam::111111111111:root" } })))).toHaveLength(
      1,
    );
  });

  it("passes named principals, conditions and denies", async () => {
    expect(await findings(doc(statement({ Principal: { AWS: "arn:aws:iam::111111111111:role/pipeline" } })))).toEqual([]);
    expect(await findings(doc(statement({ Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } })))).toEqual([]);
    expect(await findings(doc(statement({ Effect: "Deny" }), statement({ Effect: "Maybe" }), statement({ Principal: undefined })))).toEqual(
      [],
    );
  });

  it("is undecided when the required policy is absent (computed offline) or unknown", async () => {
    for (const policy of [undefined, unknown]) {
      expect((await findings(policy)).map((d) => [d.level, d.message])).toEqual([
        ["advisory", expect.stringMatching(/^\[undecided\] policy is (not set|unknown)/)],
      ]);
    }
  });

  it("reports a malformed document", async () => {
    expect((await findings("{")).map((d) => d.message)).toEqual([expect.stringMatching(/^policy is not valid JSON .*AWS rejects it/)]);
  });

  it("is undecided on unknown documents, principals, effects and conditions", async () => {
    const undecided = [
      unknown,
      doc(statement({ Principal: { AWS: unknown } })),
      doc(statement({ Effect: unknown })),
      doc(statement({ Condition: unknown })),
    ];
    for (const policy of undecided) {
      expect(await findings(policy)).toEqual([
        expect.objectContaining({ level: "advisory", message: expect.stringMatching(/^\[undecided\] policy /) }),
      ]);
    }
  });

  it("reads a secret document like a plain one", async () => {
    expect(await findings(secret(JSON.stringify(doc(statement()))))).toHaveLength(1);
  });
});
