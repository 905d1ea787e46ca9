// Policies reading documents as `aws.iam.getPolicyDocument` renders them (single values as strings,
// principals as maps by type, the bare "*" principal), through the provider model the checker and the
// engine plugin use; and resource policies whose required document is absent (offline: computed from
// something unknown during preview) or optional.
import { answerFunction, type PropertyMap } from "../../../model";
import { analyzeResource, of, secret, unknown } from "../harness";
import { bucket, companionOf, stackFindings } from "../s3/buckets";

/** The `json` output of getPolicyDocument for `statements`. */
function rendered(statements: PropertyMap[]): string {
  const answer = answerFunction({ token: "aws:iam/getPolicyDocument:getPolicyDocument", args: { statements }, provider: {} });
  return (answer.outputs as { json: string }).json;
}

const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const ARN = "arn:aws:s3:::artifacts-1a2b3c";

describe("documents rendered by getPolicyDocument", () => {
  const admin = rendered([{ actions: ["*"], resources: ["*"] }]);
  const scoped = rendered([{ actions: ["s3:GetObject", "s3:PutObject"], resources: [`${ARN}/*`] }]);
  const findings = async (policy: unknown) => of("iam-no-admin-access", await analyzeResource(ROLE_POLICY, "admin", { role: "r", policy }));

  it("fire the admin policy for * on *, also as a secret, and stay silent for scoped actions", async () => {
    expect(admin).toContain('"Action": "*"');
    for (const policy of [admin, secret(admin)]) {
      expect((await findings(policy)).map((d) => [d.level, d.message])).toEqual([
        ["mandatory", expect.stringContaining('allows every action ("*") on every resource ("*")')],
      ]);
    }
    expect(await findings(scoped)).toEqual([]);
  });

  it("are undecided while unknown (arguments unknown at preview) or absent (the promise form then gives no json)", async () => {
    for (const policy of [unknown, undefined]) {
      expect((await findings(policy)).map((d) => d.message)).toEqual([expect.stringMatching(/^\[undecided\] policy is (unknown|not set)/)]);
    }
  });

  it("satisfy the TLS-only bucket rule with the bare * principal and fail the public-bucket rule only without a condition", async () => {
    const tlsOnly = rendered([
      {
        sid: "DenyInsecureTransport",
        effect: "Deny",
        principals: [{ type: "*", identifiers: ["*"] }],
        actions: ["s3:*"],
        resources: [ARN, `${ARN}/*`],
        conditions: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      },
    ]);
    const artifacts = bucket("artifacts");
    expect(
      await stackFindings("s3-bucket-tls-only", [artifacts, companionOf(BUCKET_POLICY, "tls", artifacts, { policy: tlsOnly })]),
    ).toEqual([]);
    expect(
      await stackFindings("s3-bucket-tls-only", [artifacts, companionOf(BUCKET_POLICY, "tls", artifacts, { policy: secret(tlsOnly) })]),
    ).toEqual([]);
    const open = (conditions: PropertyMap[]) =>
      rendered([{ principals: [{ type: "AWS", identifiers: ["*"] }], actions: ["s3:GetObject"], resources: [`${ARN}/*`], conditions }]);
    const publicFindings = async (policy: unknown) =>
      of("s3-bucket-policy-not-public", await analyzeResource(BUCKET_POLICY, "public", { bucket: "b", policy }));
    expect((await publicFindings(open([]))).map((d) => d.level)).toEqual(["mandatory"]);
    expect(await publicFindings(open([{ test: "StringEquals", variable: "aws:PrincipalOrgID", values: ["o-abc"] }]))).toEqual([]);
  });
});

describe("resource policies whose document is absent", () => {
  const cases: [string, string, boolean][] = [
    ["s3-bucket-policy-not-public", BUCKET_POLICY, true],
    ["ecr-repository-policy-not-public", "aws:ecr/repositoryPolicy:RepositoryPolicy", true],
    ["kms-key-policy-not-public", "aws:kms/keyPolicy:KeyPolicy", true],
    ["kms-key-policy-not-public", "aws:kms/key:Key", false],
    ["sns-topic-policy-not-public", "aws:sns/topicPolicy:TopicPolicy", true],
    ["sns-topic-policy-not-public", "aws:sns/topic:Topic", false],
    ["eventbridge-event-bus-not-public", "aws:cloudwatch/eventBusPolicy:EventBusPolicy", true],
  ];

  it.each(cases)(
    "%s on %s: undecided when the document is required (%s), else nothing (the service's default applies)",
    async (policy, type, required) => {
      const result = of(policy, await analyzeResource(type, "subject", {}));
      expect(result.map((d) => d.message)).toEqual(
        required ? [expect.stringMatching(/^\[undecided\] policy is not set: a required policy is missing only when/)] : [],
      );
    },
  );
});
