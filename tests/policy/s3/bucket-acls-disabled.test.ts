import { TestResource, unknown } from "../harness";
import { bucket, companionOf, stackFindings } from "./buckets";

const POLICY = "s3-bucket-acls-disabled";
const OWNERSHIP = "aws:s3/bucketOwnershipControls:BucketOwnershipControls";

const artifacts = bucket("artifacts");
const ownership = (rule: unknown) => companionOf(OWNERSHIP, "ownership", artifacts, { rule });
const findings = (resources: readonly TestResource[]) => stackFindings(POLICY, resources);

describe("s3-bucket-acls-disabled", () => {
  it("passes BucketOwnerEnforced", async () => {
    expect(await findings([artifacts, ownership({ objectOwnership: "BucketOwnerEnforced" })])).toEqual([]);
  });

  it("reports settings that keep ACLs working", async () => {
    const [preferred] = await findings([artifacts, ownership({ objectOwnership: "BucketOwnerPreferred" })]);
    expect(preferred.message).toContain("(ownership: objectOwnership is BucketOwnerPreferred)");
    const [absent] = await findings([artifacts, ownership(undefined)]);
    expect(absent.message).toContain("(ownership: objectOwnership is not set)");
  });

  it("is undecided when objectOwnership is unknown", async () => {
    const [result] = await findings([artifacts, ownership({ objectOwnership: unknown })]);
    expect(result).toMatchObject({
      level: "advisory",
      message: expect.stringContaining("[undecided] cannot tell whether artifacts has BucketOwnershipControls"),
    });
  });
});
