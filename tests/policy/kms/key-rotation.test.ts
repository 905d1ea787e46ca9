import { secret, unknown, verdicts } from "../harness";
import { policyOn } from "../policy-under-test";

const POLICY = "kms-key-rotation";
const { findings, remediate, finding } = policyOn(POLICY, "aws:kms/key:Key", "key");

describe("kms-key-rotation", () => {
  it("reports a symmetric key without rotation", async () => {
    const expected = [finding("the symmetric key does not rotate its key material: set enableKeyRotation: true")];
    expect(await findings({ description: "artifacts" })).toEqual(expected);
    expect(await findings({ enableKeyRotation: false, customerMasterKeySpec: "SYMMETRIC_DEFAULT" })).toEqual(expected);
    expect(await findings({ enableKeyRotation: "true", customerMasterKeySpec: "SYMMETRIC_DEFAULT" })).toEqual(expected);
  });

  it("judges absent enableKeyRotation and customerMasterKeySpec like the provider defaults false and SYMMETRIC_DEFAULT", async () => {
    expect(verdicts(await findings({}))).toEqual(["mandatory"]);
    expect(verdicts(await findings({ enableKeyRotation: false }))).toEqual(["mandatory"]);
    expect(verdicts(await findings({ customerMasterKeySpec: "SYMMETRIC_DEFAULT" }))).toEqual(["mandatory"]);
    const [absent] = await remediate({});
    const [explicit] = await remediate({ enableKeyRotation: false, customerMasterKeySpec: "SYMMETRIC_DEFAULT" });
    expect(absent.properties).toEqual({ enableKeyRotation: true });
    expect(explicit.properties).toEqual({ enableKeyRotation: true, customerMasterKeySpec: "SYMMETRIC_DEFAULT" });
  });

  it("passes rotation on, secret or not", async () => {
    expect(await findings({ enableKeyRotation: true })).toEqual([]);
    expect(await findings({ enableKeyRotation: secret(true), customerMasterKeySpec: unknown })).toEqual([]);
  });

  it("skips keys that cannot rotate: asymmetric, HMAC, custom key store", async () => {
    expect(await findings({ customerMasterKeySpec: "RSA_2048" })).toEqual([]);
    expect(await findings({ customerMasterKeySpec: secret("HMAC_256") })).toEqual([]);
    expect(await findings({ customerMasterKeySpec: "SYMMETRIC_DEFAULT", customKeyStoreId: "cks-1234" })).toEqual([]);
    expect(await findings({ customerMasterKeySpec: unknown, customKeyStoreId: "cks-1234" })).toEqual([]);
  });

  it("is undecided when rotation or the key's kind is unknown", async () => {
    for (const props of [{ enableKeyRotation: unknown }, { customerMasterKeySpec: unknown }, { customKeyStoreId: unknown }]) {
      expect(await findings(props)).toEqual([
        expect.objectContaining({
          level: "advisory",
          message: expect.stringMatching(/^\[undecided\] enableKeyRotation, customerMasterKeySpec or customKeyStoreId is unknown/),
        }),
      ]);
    }
  });

  it("remediates by enabling rotation, keeping other inputs and secrets, idempotently", async () => {
    const props = { description: secret("artifacts"), enableKeyRotation: false, deletionWindowInDays: 30 };
    const [once] = await remediate(props);
    expect(once).toMatchObject({
      policyName: POLICY,
      properties: { description: secret("artifacts"), enableKeyRotation: true, deletionWindowInDays: 30 },
    });
    expect(await remediate(once.properties as Record<string, unknown>)).toEqual([]);
    expect(await findings(once.properties as Record<string, unknown>)).toEqual([]);
  });

  it("does not remediate keys that cannot rotate or whose settings are unknown", async () => {
    for (const props of [{ customerMasterKeySpec: "ECC_NIST_P256" }, { customerMasterKeySpec: unknown }, { enableKeyRotation: unknown }]) {
      expect(await remediate(props)).toEqual([]);
    }
  });
});
