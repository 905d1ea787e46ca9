import { secret, unknown, verdicts } from "../harness";
import { policyOn } from "../policy-under-test";

const { findings, remediate, finding } = policyOn("ecr-repository-immutable-tags", "aws:ecr/repository:Repository", "repo");

describe("ecr-repository-immutable-tags", () => {
  it("reports mutable tags, explicit or by default", async () => {
    expect(await findings({})).toEqual([
      finding('image tags are mutable (imageTagMutability absent, so MUTABLE): set imageTagMutability: "IMMUTABLE"'),
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
    const [once] = await remediate({ name: secret("app"), imageTagMutability: "MUTABLE" });
    expect(once.properties).toEqual({ name: secret("app"), imageTagMutability: "IMMUTABLE" });
    expect(await remediate(once.properties as Record<string, unknown>)).toEqual([]);
    const [absent] = await remediate({});
    expect(absent.properties).toEqual({ imageTagMutability: "IMMUTABLE" });
  });

  it("leaves exclusion filters and unknown settings to a person", async () => {
    expect(await remediate({ imageTagMutability: "MUTABLE_WITH_EXCLUSION" })).toEqual([]);
    expect(await remediate({ imageTagMutability: unknown })).toEqual([]);
  });
});
