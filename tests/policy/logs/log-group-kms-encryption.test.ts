import { analyzeResource, of, unknown, urnOf, verdicts } from "../harness";

const POLICY = "logs-log-group-kms-encryption";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

async function findings(props: Record<string, unknown>) {
  return of(POLICY, await analyzeResource(LOG_GROUP, "logs", props));
}

describe("logs-log-group-kms-encryption", () => {
  it("reports a log group without a KMS key, as advisory", async () => {
    expect(await findings({ retentionInDays: 30 })).toEqual([
      {
        policyName: POLICY,
        level: "advisory",
        urn: urnOf(LOG_GROUP, "logs"),
        message: "the log group is not encrypted with a KMS key: set kmsKeyId",
      },
    ]);
  });

  it("judges an empty kmsKeyId like absent: the provider has no default key", async () => {
    expect(verdicts(await findings({}))).toEqual(["advisory"]);
    expect(verdicts(await findings({ kmsKeyId: "" }))).toEqual(["advisory"]);
  });

  it("passes a key, known or unknown at preview", async () => {
    expect(await findings({ kmsKeyId: "arn:aws:kms:us-east-1:111111111111:key/abc" })).toEqual([]);
    expect(await findings({ kmsKeyId: unknown })).toEqual([]);
  });
});
