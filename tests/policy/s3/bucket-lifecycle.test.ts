import { TestResource, unknown } from "../harness";
import { bucket, companionOf, stackFindings } from "./buckets";

const POLICY = "s3-bucket-lifecycle";
const LIFECYCLE = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration";
const NONCURRENT = { noncurrentVersionExpiration: { noncurrentDays: 30 } };
const ABORT = { abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } };

const artifacts = bucket("artifacts");
const lifecycle = (rules: unknown) => companionOf(LIFECYCLE, "lifecycle", artifacts, { rules });
const rule = (status: unknown, ...parts: Record<string, unknown>[]) => Object.assign({ id: "r", status, filter: {} }, ...parts);
const findings = (resources: readonly TestResource[]) => stackFindings(POLICY, resources);
const messages = async (rules: unknown) => (await findings([artifacts, lifecycle(rules)])).map((d) => d.message);

describe("s3-bucket-lifecycle", () => {
  it("passes one rule or two rules covering both, with days unknown at preview", async () => {
    expect(await messages([rule("Enabled", NONCURRENT, ABORT)])).toEqual([]);
    expect(
      await messages([rule("Enabled", NONCURRENT), rule("Enabled", { abortIncompleteMultipartUpload: { daysAfterInitiation: unknown } })]),
    ).toEqual([]);
  });

  it("names what is missing, ignoring disabled rules", async () => {
    expect(await messages([rule("Enabled", NONCURRENT)])).toEqual([
      expect.stringContaining("(lifecycle: no enabled rule sets abortIncompleteMultipartUpload.daysAfterInitiation)"),
    ]);
    expect(await messages([rule("Disabled", NONCURRENT, ABORT)])).toEqual([
      expect.stringContaining(
        "(lifecycle: no enabled rule sets noncurrentVersionExpiration.noncurrentDays; no enabled rule sets abortIncompleteMultipartUpload.daysAfterInitiation)",
      ),
    ]);
    expect(await messages(null)).toHaveLength(1);
  });

  it("is undecided when the rules or a status are unknown", async () => {
    expect(await messages(unknown)).toEqual([expect.stringMatching(/^\[undecided\] .*lifecycle: rules is unknown during preview$/)]);
    expect(await messages([rule(unknown, NONCURRENT, ABORT)])).toEqual([
      expect.stringMatching(/^\[undecided\] .*lifecycle: a rule's status is unknown during preview$/),
    ]);
  });

  it("fails when one part is known missing even if the other is undecided", async () => {
    expect(await messages([rule(unknown, NONCURRENT)])).toEqual([
      expect.stringMatching(/^artifacts has no .*abortIncompleteMultipartUpload/),
    ]);
  });
});
