import { pinToday } from "../../../policies/lib/clock";
import { analyzeResource, of, remediate, secret, unknown } from "../harness";

const PIPELINE = "aws:codepipeline/pipeline:Pipeline";
const POLICY = "codepipeline-artifact-store-region";

const store = (extra: Record<string, unknown> = {}) => ({
  location: "artifacts-bucket",
  type: "S3",
  encryptionKey: { id: "arn:aws:kms:us-east-1:111111111111:key/abc", type: "KMS" },
  ...extra,
});

const pipeline = (artifactStores: unknown, extra: Record<string, unknown> = {}) => ({
  name: "app",
  roleArn: "arn:aws:iam::111111111111:role/pipeline",
  artifactStores,
  stages: [],
  ...extra,
});

async function findings(props: Record<string, unknown>, options: Parameters<typeof analyzeResource>[3] = {}) {
  return of(POLICY, await analyzeResource(PIPELINE, "pipeline", props, options));
}

beforeAll(() => pinToday("2026-06-01"));
afterAll(() => pinToday(undefined));

describe("single artifact store", () => {
  it("reports known failure #1: the only store sets region", async () => {
    const result = await findings(pipeline([store({ region: "us-east-1" })]));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ level: "mandatory", urn: expect.stringContaining("::pipeline") });
    expect(result[0].message).toContain("region cannot be set for a single-region CodePipeline Pipeline");
  });

  it("reports a region that is unknown or secret: setting it at all is the error", async () => {
    expect(await findings(pipeline([store({ region: unknown })]))).toHaveLength(1);
    expect(await findings(pipeline([store({ region: secret("us-east-1") })]))).toHaveLength(1);
  });

  it("passes the right snippet: one store without region", async () => {
    expect(await findings(pipeline([store()]))).toEqual([]);
    expect(await findings(pipeline([store({ region: null })]))).toEqual([]);
    expect(await findings(pipeline([store({ location: unknown, encryptionKey: { id: unknown, type: "KMS" } })]))).toEqual([]);
  });

  it("reports undecided, not a pass, when artifactStores is unknown", async () => {
    const result = await findings(pipeline(unknown));
    expect(result).toEqual([expect.objectContaining({ level: "advisory", message: expect.stringMatching(/^\[undecided\] /) })]);
  });

  it("reports undecided, not a violation, when the single store itself is unknown (found by the fuzz, FUZZ_SEED=5)", async () => {
    for (const stores of [[unknown], secret([unknown])]) {
      const result = await findings(pipeline(stores));
      expect(result).toEqual([
        expect.objectContaining({ level: "advisory", message: expect.stringMatching(/^\[undecided\] artifactStores\[0\] is unknown/) }),
      ]);
    }
  });

  it("stays silent on odd input", async () => {
    for (const odd of [null, "stores", 42, [], [null], { 0: store({ region: "x" }) }]) {
      expect(await findings(pipeline(odd))).toEqual([]);
    }
    expect(await findings({})).toEqual([]);
  });
});

describe("cross-region artifact stores", () => {
  const provider = { region: "us-east-1" };

  it("passes distinct regions including the provider's region", async () => {
    const props = pipeline([store({ region: "us-east-1" }), store({ region: "eu-west-1" })]);
    expect(await findings(props, { provider })).toEqual([]);
  });

  it("reports every store without a region", async () => {
    const result = await findings(pipeline([store(), store(), store({ region: "us-east-1" })]), { provider });
    expect(result.map((d) => d.message)).toEqual([
      expect.stringContaining("artifactStores[0] sets no region"),
      expect.stringContaining("artifactStores[1] sets no region"),
    ]);
  });

  it("reports duplicate regions", async () => {
    const result = await findings(pipeline([store({ region: "us-east-1" }), store({ region: "us-east-1" })]), { provider });
    expect(result.map((d) => d.message)).toEqual([expect.stringContaining("both use region us-east-1")]);
  });

  it("reports when no store is in the pipeline's region", async () => {
    const result = await findings(pipeline([store({ region: "eu-west-1" }), store({ region: "eu-central-1" })]), { provider });
    expect(result).toEqual([expect.objectContaining({ level: "mandatory", message: expect.stringContaining("own region us-east-1") })]);
  });

  it("prefers the pipeline's own region input over its provider's", async () => {
    const props = pipeline([store({ region: "eu-west-1" }), store({ region: "us-east-1" })], { region: "eu-west-1" });
    expect(await findings(props, { provider: { region: "ap-south-1" } })).toEqual([]);
    const wrong = pipeline([store({ region: "eu-west-1" }), store({ region: "us-east-1" })], { region: "ap-south-1" });
    expect(await findings(wrong, { provider })).toHaveLength(1);
  });

  it("falls back to the pipelineRegion config when no region is known", async () => {
    const props = pipeline([store({ region: "eu-west-1" }), store({ region: "us-east-1" })]);
    const config = { [POLICY]: { pipelineRegion: "eu-west-1" } };
    expect(await findings(props, { config })).toEqual([]);
    expect(await findings(props, { config, provider: { region: unknown } })).toEqual([]);
    const other = { [POLICY]: { pipelineRegion: "ap-south-1" } };
    expect(await findings(props, { config: other })).toHaveLength(1);
  });

  it("reports undecided when the pipeline's region cannot be known", async () => {
    const props = pipeline([store({ region: "eu-west-1" }), store({ region: "us-east-1" })]);
    for (const options of [{}, { provider: { region: unknown } }, { provider: {} }]) {
      const result = await findings(props, options);
      expect(result).toEqual([expect.objectContaining({ level: "advisory", message: expect.stringContaining("[undecided] ") })]);
    }
    const ownUnknown = await findings(pipeline([store({ region: "eu-west-1" }), store({ region: "us-east-1" })], { region: unknown }), {
      provider,
    });
    expect(ownUnknown.map((d) => d.message)).toEqual([expect.stringMatching(/^\[undecided\] .*region is unknown/)]);
  });

  it("reports undecided when a store's region is unknown, unless another store already matches", async () => {
    const undecided = await findings(pipeline([store({ region: "eu-west-1" }), store({ region: unknown })]), { provider });
    expect(undecided.map((d) => d.message)).toEqual([expect.stringMatching(/^\[undecided\] .*artifactStores\[1\]\.region/)]);
    const decided = await findings(pipeline([store({ region: "us-east-1" }), store({ region: unknown })]), { provider });
    expect(decided).toEqual([]);
    const wholeStoreUnknown = await findings(pipeline([store({ region: "eu-west-1" }), unknown]), { provider });
    expect(wholeStoreUnknown.map((d) => d.message)).toEqual([expect.stringMatching(/^\[undecided\] /)]);
  });

  it("lists the stores' regions when none is the pipeline's, and says where to set an unknown pipeline region", async () => {
    const stores = [store({ region: "eu-west-1" }), store({ region: "eu-central-1" })];
    const missing = await findings(pipeline(stores), { provider });
    expect(missing.map((d) => d.message)).toEqual([expect.stringContaining("(stores: eu-west-1, eu-central-1)")]);
    const unknownRegion = await findings(pipeline(stores), { provider: { region: unknown } });
    expect(unknownRegion.map((d) => d.message)).toEqual([expect.stringContaining("or the policy config `pipelineRegion`")]);
  });

  it("reads secret regions as their values", async () => {
    const props = pipeline([store({ region: secret("us-east-1") }), store({ region: secret("us-east-1") })]);
    expect((await findings(props, { provider })).map((d) => d.message)).toEqual([expect.stringContaining("both use region")]);
  });
});

describe("remediation", () => {
  const config = { [POLICY]: { enforcementLevel: "remediate" as const } };

  it("removes region from the single store, keeping secrets and other fields", async () => {
    const props = pipeline([store({ region: "us-east-1", location: secret("bucket") })], { tags: { team: "ci" } });
    const [result] = await remediate(PIPELINE, "pipeline", props, { config });
    expect(result.policyName).toBe(POLICY);
    const expected = pipeline([store({ location: secret("bucket") })], { tags: { team: "ci" } });
    expect(result.properties).toEqual(expected);
  });

  it("keeps unknown values unknown", async () => {
    const props = { name: unknown, artifactStores: [store({ region: "us-east-1", location: unknown })] };
    const [result] = await remediate(PIPELINE, "pipeline", props, { config });
    expect(result.properties).toEqual({ name: unknown, artifactStores: [store({ location: unknown })] });
  });

  it("is idempotent: remediating the result changes nothing", async () => {
    const props = pipeline([store({ region: secret("us-east-1") })]);
    const [once] = await remediate(PIPELINE, "pipeline", props, { config });
    expect(once.properties).toEqual(pipeline([store()]));
    expect(await remediate(PIPELINE, "pipeline", once.properties as Record<string, unknown>, { config })).toEqual([]);
  });

  it("then validates the fixed resource with no finding, at mandatory when still wrong", async () => {
    const fixed = (await remediate(PIPELINE, "pipeline", pipeline([store({ region: "us-east-1" })]), { config }))[0];
    expect(await findings(fixed.properties as Record<string, unknown>, { config })).toEqual([]);
    const [stillWrong] = await findings(pipeline([store({ region: "us-east-1" })]), { config });
    expect(stillWrong.level).toBe("mandatory");
  });

  it("leaves cross-region, unknown and waived pipelines alone", async () => {
    const cross = pipeline([store({ region: "us-east-1" }), store({ region: "eu-west-1" })]);
    expect(await remediate(PIPELINE, "pipeline", cross, { config })).toEqual([]);
    expect(await remediate(PIPELINE, "pipeline", pipeline(unknown), { config })).toEqual([]);
    const waived = pipeline([store({ region: "us-east-1" })], {
      tags: { "compliance:waive:codepipeline-artifact-store-region": "migration ticket CI-12; until=2026-07-01" },
    });
    expect(await remediate(PIPELINE, "pipeline", waived, { config })).toEqual([]);
  });

  it("does not run below level remediate or on other resource types", async () => {
    expect(await remediate(PIPELINE, "pipeline", pipeline([store({ region: "us-east-1" })]))).toEqual([]);
    expect(await remediate("aws:s3/bucket:Bucket", "bucket", { region: "us-east-1" }, { config })).toEqual([]);
  });
});
