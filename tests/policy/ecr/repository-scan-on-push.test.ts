import { secret, unknown } from "../harness";
import { policyOn } from "../policy-under-test";

const { findings, remediate, finding } = policyOn("ecr-repository-scan-on-push", "aws:ecr/repository:Repository", "repo");

describe("ecr-repository-scan-on-push", () => {
  it("reports a repository that does not scan on push, with no block as with scanOnPush false (AWS's default)", async () => {
    const expected = [finding("images are not scanned on push: set imageScanningConfiguration.scanOnPush: true")];
    expect(await findings({ name: "app" })).toEqual(expected);
    expect(await findings({ imageScanningConfiguration: { scanOnPush: false } })).toEqual(expected);
  });

  it("passes scanOnPush true", async () => {
    expect(await findings({ imageScanningConfiguration: { scanOnPush: true } })).toEqual([]);
    expect(await findings({ imageScanningConfiguration: { scanOnPush: secret(true) } })).toEqual([]);
  });

  it("is undecided when scanOnPush or its block is unknown", async () => {
    for (const imageScanningConfiguration of [unknown, { scanOnPush: unknown }]) {
      expect(await findings({ imageScanningConfiguration })).toEqual([
        expect.objectContaining({
          level: "advisory",
          message: "[undecided] imageScanningConfiguration.scanOnPush is unknown during preview",
        }),
      ]);
    }
  });

  it("remediates an absent block and a false flag, keeping the rest, idempotently", async () => {
    const [created] = await remediate({ name: secret("app"), imageTagMutability: "IMMUTABLE" });
    expect(created.properties).toEqual({
      name: secret("app"),
      imageTagMutability: "IMMUTABLE",
      imageScanningConfiguration: { scanOnPush: true },
    });
    expect(await remediate(created.properties as Record<string, unknown>)).toEqual([]);
    const [flipped] = await remediate({ imageScanningConfiguration: { scanOnPush: false } });
    expect(flipped.properties).toEqual({ imageScanningConfiguration: { scanOnPush: true } });
  });

  it("leaves unknown settings alone", async () => {
    expect(await remediate({ imageScanningConfiguration: unknown })).toEqual([]);
    expect(await remediate({ imageScanningConfiguration: { scanOnPush: unknown } })).toEqual([]);
  });
});
