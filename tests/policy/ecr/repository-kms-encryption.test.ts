import { analyzeResource, of, unknown, urnOf, verdicts } from "../harness";

const POLICY = "ecr-repository-kms-encryption";
const REPOSITORY = "aws:ecr/repository:Repository";

async function findings(props: Record<string, unknown>) {
  return of(POLICY, await analyzeResource(REPOSITORY, "repo", props));
}

describe("ecr-repository-kms-encryption", () => {
  it("reports the default and explicit AES256 encryption, as advisory", async () => {
    expect(await findings({})).toEqual([
      {
        policyName: POLICY,
        level: "advisory",
        urn: urnOf(REPOSITORY, "repo"),
        message: 'images are encrypted with the default AES256, not KMS: set encryptionConfigurations: [{ encryptionType: "KMS", kmsKey }]',
      },
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
