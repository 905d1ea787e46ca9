import { analyzeResource, of, remediate, secret, unknown, urnOf } from "../harness";

const POLICY = "ecr-repository-scan-on-push";
const REPOSITORY = "aws:ecr/repository:Repository";
const config = { [POLICY]: { enforcementLevel: "remediate" as const } };

async function findings(props: Record<string, unknown>) {
  return of(POLICY, await analyzeResource(REPOSITORY, "repo", props));
}

describe("ecr-repository-scan-on-push", () => {
  it("reports a repository that does not scan on push, with no block as with scanOnPush false (AWS's default)", async () => {
    const expected = [
      {
        policyName: POLICY,
        level: "mandatory",
        urn: urnOf(REPOSITORY, "repo"),
        message: "images are not scanned on push: set imageScanningConfiguration.scanOnPush: true",
      },
    ];
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
    const [created] = await remediate(REPOSITORY, "repo", { name: secret("app"), imageTagMutability: "IMMUTABLE" }, { config });
    expect(created.properties).toEqual({
      name: secret("app"),
      imageTagMutability: "IMMUTABLE",
      imageScanningConfiguration: { scanOnPush: true },
    });
    expect(await remediate(REPOSITORY, "repo", created.properties as Record<string, unknown>, { config })).toEqual([]);
    const [flipped] = await remediate(REPOSITORY, "repo", { imageScanningConfiguration: { scanOnPush: false } }, { config });
    expect(flipped.properties).toEqual({ imageScanningConfiguration: { scanOnPush: true } });
  });

  it("leaves unknown settings alone", async () => {
    expect(await remediate(REPOSITORY, "repo", { imageScanningConfiguration: unknown }, { config })).toEqual([]);
    expect(await remediate(REPOSITORY, "repo", { imageScanningConfiguration: { scanOnPush: unknown } }, { config })).toEqual([]);
  });
});
