import { secret, TestResource, unknown, verdicts } from "../harness";
import { bucket, companionOf, stackFindings } from "./buckets";

const POLICY = "s3-bucket-public-access-block";
const BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const ALL_ON = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };

const artifacts = bucket("artifacts");
const block = (flags: Record<string, unknown>) => companionOf(BLOCK, "block", artifacts, flags);
const findings = (resources: readonly TestResource[]) => stackFindings(POLICY, resources);

describe("s3-bucket-public-access-block", () => {
  it("passes all four flags true, secret or not", async () => {
    expect(await findings([artifacts, block(ALL_ON)])).toEqual([]);
    expect(await findings([artifacts, block({ ...ALL_ON, ignorePublicAcls: secret(true) })])).toEqual([]);
  });

  it("names every flag that is false or absent, even when another is unknown", async () => {
    const [result] = await findings([artifacts, block({ blockPublicAcls: true, blockPublicPolicy: false, ignorePublicAcls: unknown })]);
    expect(result.message).toBe(
      "artifacts has no BucketPublicAccessBlock with all four settings true (block: blockPublicPolicy, restrictPublicBuckets not true)",
    );
  });

  it("judges an absent flag like the provider default false", async () => {
    const { restrictPublicBuckets: _absent, ...threeOn } = ALL_ON;
    expect(verdicts(await findings([artifacts, block(threeOn)]))).toEqual(["mandatory"]);
    expect(verdicts(await findings([artifacts, block({ ...threeOn, restrictPublicBuckets: false })]))).toEqual(["mandatory"]);
  });

  it("is undecided when the only flags not known true are unknown", async () => {
    const [result] = await findings([artifacts, block({ ...ALL_ON, blockPublicAcls: unknown, restrictPublicBuckets: unknown })]);
    expect(result).toMatchObject({
      level: "advisory",
      message: expect.stringMatching(/^\[undecided\] .*block: blockPublicAcls, restrictPublicBuckets unknown during preview$/),
    });
  });
});
