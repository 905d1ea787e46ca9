import { TestResource, unknown, urnOf } from "../harness";
import { BUCKET, bucket, companionOf, stackFindings } from "./buckets";

const POLICY = "s3-bucket-access-logging";
const LOGGING = "aws:s3/bucketLogging:BucketLogging";

/** A BucketLogging of `source` into `target`, linked the way a preview links both (property dependencies). */
function logging(name: string, source: TestResource, target: TestResource): TestResource {
  const companion = companionOf(LOGGING, name, source, { targetBucket: unknown, targetPrefix: `${source.name}/` });
  return { ...companion, propertyDependencies: { ...companion.propertyDependencies, targetBucket: [`${target.type}::${target.name}`] } };
}

const findings = (resources: readonly TestResource[], config?: Record<string, unknown>) => stackFindings(POLICY, resources, config);

describe(POLICY, () => {
  const artifacts = bucket("artifacts");
  const logs = bucket("access-logs");

  it("passes a bucket that logs to a log bucket, and the log bucket itself (no logging loop)", async () => {
    expect(await findings([artifacts, logs, logging("artifacts-logging", artifacts, logs)])).toEqual([]);
  });

  it("matches by known names in deployed state, and accepts the deprecated BucketLoggingV2", async () => {
    const deployed: TestResource = { type: LOGGING, name: "l", props: { bucket: "artifacts-1a2b3c", targetBucket: "access-logs-1a2b3c" } };
    expect(await findings([artifacts, logs, deployed])).toEqual([]);
    const v2: TestResource = { ...deployed, type: "aws:s3/bucketLoggingV2:BucketLoggingV2" };
    expect(await findings([artifacts, logs, v2])).toEqual([]);
    const elsewhere: TestResource = { type: LOGGING, name: "l", props: { bucket: "artifacts-1a2b3c", targetBucket: "central-logs" } };
    expect(await findings([artifacts, elsewhere])).toEqual([]);
  });

  it("reports a bucket that logs only to itself, and one whose logging targets another bucket's logs only", async () => {
    const result = await findings([artifacts, logging("self", artifacts, artifacts)]);
    expect(result.map((d) => d.message)).toEqual([
      "artifacts has no BucketLogging sending its server access logs to another bucket (self sends its logs to the bucket itself, which logs every log delivery)",
    ]);
    const other = bucket("other");
    expect((await findings([artifacts, other, logs, logging("l", artifacts, logs)])).map((d) => d.urn)).toEqual([urnOf(BUCKET, "other")]);
  });

  it("passes a log target that also logs to itself, since others deliver to it", async () => {
    expect(await findings([artifacts, logs, logging("l", artifacts, logs), logging("self", logs, logs)])).toEqual([]);
  });

  it("exempts buckets listed in exemptBuckets by resource or physical name, with wildcards", async () => {
    const other = bucket("other");
    expect(await findings([artifacts, other], { exemptBuckets: ["artifacts", "other-*", 3] })).toEqual([]);
    expect((await findings([artifacts, other], { exemptBuckets: ["artifacts"] })).map((d) => d.urn)).toEqual([urnOf(BUCKET, "other")]);
  });

  it("is undecided, not failed, when a BucketLogging's bucket or target cannot be placed during preview", async () => {
    const orphanSource: TestResource = { type: LOGGING, name: "o", props: { bucket: unknown, targetBucket: "central-logs" } };
    const [a] = await findings([artifacts, orphanSource]);
    expect(a).toMatchObject({
      level: "advisory",
      message: expect.stringMatching(/^\[undecided\] cannot tell whether artifacts has .*: o's bucket is unknown during preview/),
    });
    const orphanTarget: TestResource = { type: LOGGING, name: "t", props: { bucket: "other-1a2b3c", targetBucket: unknown } };
    const [b] = await findings([artifacts, orphanTarget]);
    expect(b.message).toMatch(
      /^\[undecided\] .*t's targetBucket is unknown during preview and depends on no bucket, so this bucket may be a log target$/,
    );
  });

  it("still passes a bucket with its own logging while other BucketLoggings are unresolved", async () => {
    const orphan: TestResource = { type: LOGGING, name: "o", props: { bucket: unknown, targetBucket: unknown } };
    expect(await findings([artifacts, logs, logging("l", artifacts, logs), orphan])).toEqual([]);
  });

  it("does not count the inline logging block, and is silent on a stack without buckets", async () => {
    const inline = bucket("inline", { bucket: "inline-1a2b3c", logging: { targetBucket: "access-logs-1a2b3c" } });
    expect(await findings([inline, logs])).toHaveLength(2);
    expect(await findings([{ type: LOGGING, name: "l", props: { bucket: "elsewhere", targetBucket: "central" } }])).toEqual([]);
  });

  it("checks BucketV2 buckets and auto-named buckets (name unknown at preview)", async () => {
    const old: TestResource = { type: "aws:s3/bucketV2:BucketV2", name: "old", props: { bucket: "old" } };
    const auto = bucket("auto", { bucket: unknown });
    expect((await findings([old, auto])).map((d) => d.urn)).toEqual([urnOf("aws:s3/bucketV2:BucketV2", "old"), urnOf(BUCKET, "auto")]);
    expect(await findings([old, auto, logging("l", old, auto)])).toEqual([]);
  });
});
