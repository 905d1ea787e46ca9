import * as fs from "node:fs";
import * as path from "node:path";
import { analyzeResource, of, secret, unknown } from "../harness";

const BUCKET = "aws:s3/bucket:Bucket";
const POLICY = "s3-no-deprecated-inline-config";

async function findings(type: string, props: Record<string, unknown>) {
  return of(POLICY, await analyzeResource(type, "artifacts", props));
}

/** Deprecated `...V2` tokens as the installed provider declares them. */
function installedV2Tokens(): string[] {
  const dir = path.join(__dirname, "../../../node_modules/@pulumi/aws/s3");
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".js"))
    .flatMap((file) => /__pulumiType = '(aws:s3\/[^']*V2)'/.exec(fs.readFileSync(path.join(dir, file), "utf8"))?.[1] ?? []);
}

describe("s3-no-deprecated-inline-config", () => {
  it("reports known failure #4: versioning, encryption and lifecycle inline, naming each replacement", async () => {
    const result = await findings(BUCKET, {
      bucket: "artifacts",
      versioning: { enabled: true },
      serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } } },
      lifecycleRules: [{ enabled: true, expiration: { days: 30 } }],
    });
    expect(result.map((d) => [d.level, d.message])).toEqual([
      ["mandatory", expect.stringMatching(/versioning .*aws\.s3\.BucketVersioning$/)],
      ["mandatory", expect.stringMatching(/serverSideEncryptionConfiguration .*aws\.s3\.BucketServerSideEncryptionConfiguration$/)],
      ["mandatory", expect.stringMatching(/lifecycleRules .*aws\.s3\.BucketLifecycleConfiguration$/)],
    ]);
  });

  it("reports every other inline input with its replacement", async () => {
    const inline: Record<string, [unknown, string]> = {
      acl: ["private", "aws.s3.BucketAcl"],
      grants: [[{ type: "Group", permissions: ["READ"] }], "aws.s3.BucketAcl"],
      corsRules: [[{ allowedMethods: ["GET"], allowedOrigins: ["*"] }], "aws.s3.BucketCorsConfiguration"],
      logging: [{ targetBucket: "logs" }, "aws.s3.BucketLogging"],
      website: [{ indexDocument: "index.html" }, "aws.s3.BucketWebsiteConfiguration"],
      policy: ['{"Version":"2012-10-17","Statement":[]}', "aws.s3.BucketPolicy"],
      replicationConfiguration: [{ role: "arn" }, "aws.s3.BucketReplicationConfig"],
      objectLockConfiguration: [{ objectLockEnabled: "Enabled" }, "aws.s3.BucketObjectLockConfiguration"],
      accelerationStatus: ["Enabled", "aws.s3.BucketAccelerateConfiguration"],
      requestPayer: ["Requester", "aws.s3.BucketRequestPaymentConfiguration"],
    };
    for (const [field, [value, replacement]] of Object.entries(inline)) {
      const result = await findings(BUCKET, { bucket: "b", [field]: value });
      expect(result.map((d) => d.message)).toEqual([expect.stringContaining(`inline input ${field} is deprecated`)]);
      expect(result[0].message).toContain(replacement);
    }
  });

  it("reports inline inputs whose value is unknown or secret: the input is set either way", async () => {
    expect(await findings(BUCKET, { policy: unknown })).toHaveLength(1);
    expect(await findings(BUCKET, { policy: secret("{}") })).toHaveLength(1);
  });

  it("passes the right snippet: a bare bucket, objectLockEnabled alone, empty lists", async () => {
    expect(await findings(BUCKET, { bucket: "artifacts", forceDestroy: true, tags: { team: "ci" } })).toEqual([]);
    expect(await findings(BUCKET, { objectLockEnabled: true })).toEqual([]);
    expect(await findings(BUCKET, { lifecycleRules: [], grants: [], corsRules: [], acl: null })).toEqual([]);
    expect(
      await findings("aws:s3/bucketVersioning:BucketVersioning", { bucket: "b", versioningConfiguration: { status: "Enabled" } }),
    ).toEqual([]);
  });

  it("reports each deprecated ...V2 resource with its current name", async () => {
    const tokens = installedV2Tokens();
    expect(tokens).toHaveLength(11);
    for (const token of tokens) {
      const name = token.split(":")[2];
      const result = await findings(token, { bucket: "b" });
      expect(result.map((d) => d.message)).toEqual([
        `aws.s3.${name} is deprecated in @pulumi/aws 7: use aws.s3.${name.replace(/V2$/, "")}`,
      ]);
    }
  });

  it("reports BucketV2 and its inline inputs", async () => {
    const result = await findings("aws:s3/bucketV2:BucketV2", { versioning: { enabled: true } });
    expect(result.map((d) => d.message)).toEqual([
      expect.stringContaining("use aws.s3.Bucket"),
      expect.stringContaining("inline input versioning"),
    ]);
  });

  it("checks inline inputs only on buckets: BucketAclV2's own acl input is not an inline bucket input", async () => {
    const result = await findings("aws:s3/bucketAclV2:BucketAclV2", { bucket: "b", acl: "private" });
    expect(result.map((d) => d.message)).toEqual(["aws.s3.BucketAclV2 is deprecated in @pulumi/aws 7: use aws.s3.BucketAcl"]);
  });

  it("stays silent on other resource types carrying the same field names", async () => {
    expect(await findings("aws:s3/bucketPolicy:BucketPolicy", { bucket: "b", policy: "{}" })).toEqual([]);
  });
});
