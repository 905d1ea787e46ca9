// The policies that want a resource encrypted at rest with a KMS key set by one input, where the
// provider has no default key: the same verdicts, one table.
import type { EnforcementLevel } from "@pulumi/policy";
import { secret, unknown, verdicts } from "./harness";
import { policyOn } from "./policy-under-test";

interface KeyInputCase {
  readonly policy: string;
  readonly type: string;
  readonly name: string;
  readonly level: EnforcementLevel;
  /** Inputs without a key, and the finding they get. */
  readonly keyless: Record<string, unknown>;
  readonly message: string;
  /** The key input. */
  readonly input: string;
  /** Values of the key input judged like an absent key. */
  readonly empty: readonly unknown[];
  /** Values of the key input that pass. */
  readonly keys: readonly unknown[];
}

const CASES: readonly KeyInputCase[] = [
  {
    policy: "logs-log-group-kms-encryption",
    type: "aws:cloudwatch/logGroup:LogGroup",
    name: "logs",
    level: "advisory",
    keyless: { retentionInDays: 30 },
    message: "the log group is not encrypted with a KMS key: set kmsKeyId",
    input: "kmsKeyId",
    empty: [""],
    keys: ["arn:aws:kms:us-east-1:111111111111:key/abc", unknown],
  },
  {
    policy: "sns-topic-kms-encryption",
    type: "aws:sns/topic:Topic",
    name: "topic",
    level: "mandatory",
    keyless: { name: "failures" },
    message: "messages are not encrypted at rest: set kmsMasterKeyId",
    input: "kmsMasterKeyId",
    empty: ["", secret("")],
    keys: ["alias/aws/sns", secret("arn:aws:kms:us-east-1:111111111111:key/abc"), unknown],
  },
];

describe.each(CASES)("$policy", ({ policy, type, name, level, keyless, message, input, empty, keys }) => {
  const { findings, finding } = policyOn(policy, type, name);

  it(`reports a ${name} without a KMS key, as ${level}`, async () => {
    expect(await findings(keyless)).toEqual([finding(message, level)]);
  });

  it(`judges an empty ${input} like absent: the provider has no default key`, async () => {
    expect(verdicts(await findings({}))).toEqual([level]);
    for (const value of empty) {
      expect(verdicts(await findings({ [input]: value }))).toEqual([level]);
    }
  });

  it("passes a key, known, secret or unknown at preview", async () => {
    for (const value of keys) {
      expect(await findings({ [input]: value })).toEqual([]);
    }
  });
});
