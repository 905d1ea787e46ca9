import { analyzeResource, of, secret, unknown, urnOf, verdicts } from "../harness";

const POLICY = "sns-topic-kms-encryption";
const TOPIC = "aws:sns/topic:Topic";

async function findings(props: Record<string, unknown>) {
  return of(POLICY, await analyzeResource(TOPIC, "topic", props));
}

describe("sns-topic-kms-encryption", () => {
  it("reports a topic without a KMS key", async () => {
    expect(await findings({ name: "failures" })).toEqual([
      {
        policyName: POLICY,
        level: "mandatory",
        urn: urnOf(TOPIC, "topic"),
        message: "messages are not encrypted at rest: set kmsMasterKeyId",
      },
    ]);
  });

  it("judges an empty kmsMasterKeyId like absent: the provider has no default key", async () => {
    expect(verdicts(await findings({}))).toEqual(["mandatory"]);
    expect(verdicts(await findings({ kmsMasterKeyId: "" }))).toEqual(["mandatory"]);
    expect(verdicts(await findings({ kmsMasterKeyId: secret("") }))).toEqual(["mandatory"]);
  });

  it("passes a key, known, secret or unknown at preview", async () => {
    expect(await findings({ kmsMasterKeyId: "alias/aws/sns" })).toEqual([]);
    expect(await findings({ kmsMasterKeyId: secret("arn:aws:kms:us-east-1:111111111111:key/abc") })).toEqual([]);
    expect(await findings({ kmsMasterKeyId: unknown })).toEqual([]);
  });
});
