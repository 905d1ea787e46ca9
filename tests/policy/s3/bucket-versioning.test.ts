import { secret, TestResource, unknown, urnOf } from "../harness";
import { BUCKET, bucket, companionOf, stackFindings } from "./buckets";

const POLICY = "s3-bucket-versioning";
const VERSIONING = "aws:s3/bucketVersioning:BucketVersioning";

const versioning = (name: string, parent: TestResource, status: unknown) =>
  companionOf(VERSIONING, name, parent, { versioningConfiguration: { status } });

const findings = (resources: readonly TestResource[]) => stackFindings(POLICY, resources);

describe("s3-bucket-versioning", () => {
  const artifacts = bucket("artifacts");

  it("passes a bucket whose companion (matched by property dependency at preview) enables versioning", async () => {
    expect(await findings([artifacts, versioning("v", artifacts, "Enabled")])).toEqual([]);
    expect(await findings([artifacts, versioning("v", artifacts, secret("Enabled"))])).toEqual([]);
  });

  it("reports Suspended or missing status, naming the companion", async () => {
    const [suspended] = await findings([artifacts, versioning("v", artifacts, "Suspended")]);
    expect(suspended.message).toBe('artifacts has no BucketVersioning with status "Enabled" (v: status is Suspended)');
    const [missing] = await findings([artifacts, companionOf(VERSIONING, "v", artifacts, {})]);
    expect(missing.message).toContain("(v: status is not set)");
  });

  it("matches by known name in deployed state, and does not lend a companion to another bucket", async () => {
    const logs = bucket("logs");
    const deployed: TestResource = {
      type: VERSIONING,
      name: "v",
      props: { bucket: "artifacts-1a2b3c", versioningConfiguration: { status: "Enabled" } },
    };
    const result = await findings([artifacts, logs, deployed]);
    expect(result.map((d) => d.urn)).toEqual([urnOf(BUCKET, "logs")]);
  });

  it("accepts the deprecated BucketVersioningV2 and checks BucketV2 buckets", async () => {
    const old: TestResource = { type: "aws:s3/bucketV2:BucketV2", name: "old", props: { bucket: "old" } };
    const v2: TestResource = {
      type: "aws:s3/bucketVersioningV2:BucketVersioningV2",
      name: "v2",
      props: { bucket: "old", versioningConfiguration: { status: "Enabled" } },
    };
    expect(await findings([old, v2])).toEqual([]);
    expect((await findings([old])).map((d) => d.urn)).toEqual([urnOf("aws:s3/bucketV2:BucketV2", "old")]);
  });

  it("is undecided when the status is unknown", async () => {
    const [result] = await findings([artifacts, versioning("v", artifacts, unknown)]);
    expect(result).toMatchObject({
      level: "advisory",
      message:
        '[undecided] cannot tell whether artifacts has BucketVersioning with status "Enabled": v: versioningConfiguration.status is unknown during preview',
    });
  });

  it("is undecided, not failed, when a companion's bucket is unknown without a property dependency", async () => {
    const orphans = ["a", "b", "c", "d", "e"].map((name): TestResource => ({
      type: VERSIONING,
      name,
      props: { bucket: unknown, versioningConfiguration: { status: "Enabled" } },
    }));
    const [result] = await findings([artifacts, ...orphans]);
    expect(result.level).toBe("advisory");
    expect(result.message).toMatch(
      /^\[undecided\] cannot tell whether artifacts has .*: a's bucket is unknown during preview and depends on no aws:s3\/bucket:Bucket or aws:s3\/bucketV2:BucketV2; b's .*; c's .*; and 2 more$/,
    );
  });

  it("still passes a bucket with its own enabling companion when others are unresolved", async () => {
    const orphan: TestResource = { type: VERSIONING, name: "orphan", props: { bucket: unknown } };
    expect(await findings([artifacts, versioning("v", artifacts, "Enabled"), orphan])).toEqual([]);
  });

  it("ignores property dependencies on other resource types and companions that name no bucket", async () => {
    const random: TestResource = { type: "random:index/randomPet:RandomPet", name: "pet", props: {} };
    const viaPet: TestResource = {
      type: VERSIONING,
      name: "v",
      props: { bucket: "artifacts-1a2b3c", versioningConfiguration: { status: "Enabled" } },
      propertyDependencies: { bucket: ["random:index/randomPet:RandomPet::pet"] },
    };
    expect(await findings([artifacts, random, viaPet])).toEqual([]);
    const nameless: TestResource = { type: VERSIONING, name: "n", props: { versioningConfiguration: { status: "Enabled" } } };
    expect(await findings([artifacts, nameless])).toHaveLength(1);
  });

  it("passes when any of several companions enables versioning, for every bucket the name matches", async () => {
    const twin = bucket("twin", { bucket: "artifacts-1a2b3c" });
    const named = (name: string, status: string): TestResource => ({
      type: VERSIONING,
      name,
      props: { bucket: "artifacts-1a2b3c", versioningConfiguration: { status } },
    });
    expect(await findings([artifacts, twin, named("v1", "Suspended"), named("v2", "Enabled")])).toEqual([]);
    expect(await findings([artifacts, twin, named("v1", "Suspended"), named("v2", "Disabled")])).toHaveLength(2);
  });

  it("matches an auto-named bucket (name unknown at preview) through the property dependency alone", async () => {
    const autoNamed = bucket("auto", { bucket: unknown });
    expect(await findings([autoNamed, versioning("v", autoNamed, "Enabled")])).toEqual([]);
    expect((await findings([autoNamed])).map((d) => d.urn)).toEqual([urnOf(BUCKET, "auto")]);
  });

  it("is silent on a stack without buckets", async () => {
    expect(await findings([{ type: VERSIONING, name: "v", props: { bucket: "elsewhere" } }])).toEqual([]);
  });
});
