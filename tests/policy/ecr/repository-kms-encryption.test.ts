import { unknown, verdicts } from "../harness";
import { policyOn } from "../policy-under-test";

const { findings, finding } = policyOn("ecr-repository-kms-encryption", "aws:ecr/repository:Repository", "repo");

describe("ecr-repository-kms-encryption", () => {
  it("reports the default and explicit AES256 encryption, as advisory", async () => {
    expect(await findings({})).toEqual([
      finding(
        'images are encrypted with the default AES256, not KMS: set encryptionConfigurations: [{ encryptionType: "KMS", kmsKey }]',
        "advisory",
      ),
    ]);
    expect((await findings({ encryptionConfigurations: [{ encryptionType: "AES256" }] })).map((d) => d.message)).toEqual([
      expect.stringMatching(/^images are encrypted with AES256/),
    ]);
  });

  it("judges a block without encryptionType like the provider default AES256", async () => {
    expect(verdicts(await findings({ encryptionConfigurations: [{ kmsKey: unknown }] }))).toEqual(["advisory"]);
    expect(verdicts(await findings({ encryptionConfigurations: [{ encryptionType: "AES256", kmsKey: unknown }] }))).toEqual(["advisory"]);
  });

  it("passes KMS, with a key unknown at preview", async () => {
    expect(await findings({ encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: unknown }] })).toEqual([]);
  });

  it("is undecided when the encryption type is unknown", async () => {
    for (const encryptionConfigurations of [unknown, [{ encryptionType: unknown }]]) {
      expect(await findings({ encryptionConfigurations })).toEqual([
        expect.objectContaining({ message: "[undecided] encryptionConfigurations[0].encryptionType is unknown during preview" }),
      ]);
    }
  });
});
