import { secret, unknown, verdicts } from "../harness";
import { policyOn } from "../policy-under-test";

const retention = policyOn("logs-log-group-retention", "aws:cloudwatch/logGroup:LogGroup", "logs");
const { finding } = retention;
const minimum = (minimumDays?: number) => (minimumDays === undefined ? undefined : { minimumDays });
const findings = (props: Record<string, unknown>, minimumDays?: number) => retention.findings(props, minimum(minimumDays));
const remediated = (props: Record<string, unknown>, minimumDays?: number) => retention.remediate(props, minimum(minimumDays));

describe("logs-log-group-retention", () => {
  it("reports a log group that never expires (absent or 0), as advisory", async () => {
    const expected = [finding("the log group never expires its events: set retentionInDays to 7 days or more", "advisory")];
    expect(await findings({ name: "/aws/codebuild/app" })).toEqual(expected);
    expect(await findings({ retentionInDays: 0 })).toEqual(expected);
  });

  it("reports retention below the minimum, default 7 or configured", async () => {
    expect((await findings({ retentionInDays: 3 })).map((d) => d.message)).toEqual(["retentionInDays is 3, below the minimum of 7 days"]);
    expect(await findings({ retentionInDays: 7 })).toEqual([]);
    expect((await findings({ retentionInDays: 30 }, 365)).map((d) => d.message)).toEqual([
      "retentionInDays is 30, below the minimum of 365 days",
    ]);
    expect(await findings({ retentionInDays: secret(400) }, 365)).toEqual([]);
  });

  it("judges an absent logGroupClass like the provider's STANDARD: checked, not skipped", async () => {
    expect(verdicts(await findings({}))).toEqual(["advisory"]);
    expect(verdicts(await findings({ logGroupClass: "STANDARD" }))).toEqual(["advisory"]);
  });

  it("skips delivery-class log groups, whose retention is fixed", async () => {
    expect(await findings({ logGroupClass: "DELIVERY" })).toEqual([]);
    expect(await remediated({ logGroupClass: "DELIVERY" })).toEqual([]);
  });

  it("is undecided when retention is unknown", async () => {
    expect(await findings({ retentionInDays: unknown })).toEqual([
      expect.objectContaining({ message: "[undecided] retentionInDays is unknown during preview" }),
    ]);
  });

  it("remediates absent and the provider default 0 (never expire) alike", async () => {
    const [absent] = await remediated({ name: "/aws/codebuild/app" });
    const [zero] = await remediated({ name: "/aws/codebuild/app", retentionInDays: 0 });
    expect(absent.properties).toEqual({ name: "/aws/codebuild/app", retentionInDays: 7 });
    expect(zero.properties).toEqual(absent.properties);
    const [zeroLong] = await remediated({ retentionInDays: 0 }, 365);
    expect(zeroLong.properties).toEqual({ retentionInDays: 365 });
    expect(await remediated(zero.properties as Record<string, unknown>)).toEqual([]);
  });

  it("remediates absent and too short retention to the smallest accepted value meeting the minimum, idempotently", async () => {
    const [absent] = await remediated({ name: "/aws/codebuild/app", kmsKeyId: secret("arn:aws:kms:us-east-1:111111111111:key/abc") });
    expect(absent.properties).toEqual({
      name: "/aws/codebuild/app",
      kmsKeyId: secret("arn:aws:kms:us-east-1:111111111111:key/abc"),
      retentionInDays: 7,
    });
    expect(await remediated(absent.properties as Record<string, unknown>)).toEqual([]);
    const [short] = await remediated({ retentionInDays: 30 }, 100);
    expect(short.properties).toEqual({ retentionInDays: 120 });
    const [capped] = await remediated({}, 5000);
    expect(capped.properties).toEqual({ retentionInDays: 3653 });
  });

  it("leaves unknown and sufficient retention alone", async () => {
    for (const retentionInDays of [unknown, 14]) {
      expect(await remediated({ retentionInDays })).toEqual([]);
    }
  });
});
