import { analyzeResource, of, remediate, secret, unknown, urnOf, verdicts } from "../harness";

const POLICY = "ecr-repository-immutable-tags";
const REPOSITORY = "aws:ecr/repository:Repository";
const config = { [POLICY]: { enforcementLevel: "remediate" as const } };

async function findings(props: Record<string, unknown>) {
  return of(POLICY, await analyzeResource(REPOSITORY, "repo", props));
}

describe("ecr-repository-immutable-tags", () => {
  it("reports mutable tags, explicit or by default", async () => {
    expect(await findings({})).toEqual([
      {
        policyName: POLICY,
        level: "mandatory",
        urn: urnOf(REPOSITORY, "repo"),
        message: 'image tags are mutable (imageTagMutability absent, so MUTABLE): set imageTagMutability: "IMMUTABLE"',
      },
    ]);
    expect((await findings({ imageTagMutability: "MUTABLE_WITH_EXCLUSION" })).map((d) => d.message)).toEqual([
      expect.stringContaining("(imageTagMutability MUTABLE_WITH_EXCLUSION)"),
    ]);
  });

  it("judges an absent imageTagMutability like the provider default MUTABLE", async () => {
    expect(verdicts(await findings({}))).toEqual(["mandatory"]);
    expect(verdicts(await findings({ imageTagMutability: "MUTABLE" }))).toEqual(["mandatory"]);
  });

  it("passes both immutable settings", async () => {
    expect(await findings({ imageTagMutability: "IMMUTABLE" })).toEqual([]);
    expect(await findings({ imageTagMutability: secret("IMMUTABLE_WITH_EXCLUSION") })).toEqual([]);
  });

  it("is undecided when the setting is unknown", async () => {
    expect(await findings({ imageTagMutability: unknown })).toEqual([
      expect.objectContaining({ message: "[undecided] imageTagMutability is unknown during preview" }),
    ]);
  });

  it("remediates absent and MUTABLE to IMMUTABLE, keeping the rest, idempotently", async () => {
    const [once] = await remediate(REPOSITORY, "repo", { name: secret("app"), imageTagMutability: "MUTABLE" }, { config });
    expect(once.properties).toEqual({ name: secret("app"), imageTagMutability: "IMMUTABLE" });
    expect(await remediate(REPOSITORY, "repo", once.properties as Record<string, unknown>, { config })).toEqual([]);
    const [absent] = await remediate(REPOSITORY, "repo", {}, { config });
    expect(absent.properties).toEqual({ imageTagMutability: "IMMUTABLE" });
  });

  it("leaves exclusion filters and unknown settings to a person", async () => {
    expect(await remediate(REPOSITORY, "repo", { imageTagMutability: "MUTABLE_WITH_EXCLUSION" }, { config })).toEqual([]);
    expect(await remediate(REPOSITORY, "repo", { imageTagMutability: unknown }, { config })).toEqual([]);
  });
});
