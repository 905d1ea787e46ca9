import { closestName } from "../../../policies/lib/names";
import { pinToday } from "../../../policies/lib/clock";
import { analyzeStack, of, secret, unknown, urnOf, type TestResource } from "../harness";

const POLICY = "waiver-mistakes";
const BUCKET = "aws:s3/bucket:Bucket";
const ROLE = "aws:iam/role:Role";

const bucket = (tags: unknown, name = "legacy"): TestResource => ({ type: BUCKET, name, props: { bucket: name, tags } });

async function mistakes(resources: readonly TestResource[]) {
  return of(POLICY, await analyzeStack(resources));
}

beforeAll(() => pinToday("2026-06-15"));
afterAll(() => pinToday(undefined));

describe("waiver-mistakes", () => {
  it("reports a waiver tag naming no policy, on its resource, with the closest policy name", async () => {
    const result = await mistakes([bucket({ "compliance:waive:s3-bucket-versionning": "legacy; until=2026-12-31", team: "a" })]);
    expect(result).toEqual([
      {
        policyName: POLICY,
        level: "advisory",
        urn: urnOf(BUCKET, "legacy"),
        message:
          "waiver tag compliance:waive:s3-bucket-versionning names no policy of this pack, so it waives nothing: did you mean compliance:waive:s3-bucket-versioning? Rename the tag or remove it.",
      },
    ]);
  });

  it("points at the policy list when no name is close", async () => {
    const [finding] = await mistakes([bucket({ "compliance:waive:everything": "r; until=2026-12-31" })]);
    expect(finding.message).toBe(
      "waiver tag compliance:waive:everything names no policy of this pack, so it waives nothing: use a policy name from docs/policies.md. Rename the tag or remove it.",
    );
  });

  // The engine's Struct sorts map keys, so findings come in key order.
  it("reports each wrong tag of each resource once, and stays silent on tags naming real policies", async () => {
    const result = await mistakes([
      bucket({ "compliance:waive:s3-bucket-versioning": "r; until=2026-12-31", "compliance:waive:waiver-mistakes": "r; until=2026-12-31" }),
      bucket(
        { "compliance:waive:kms-key-rotaton": "r; until=2026-12-31", "compliance:waive:iam-no-admin": "r; until=2026-12-31" },
        "other",
      ),
      { type: ROLE, name: "role", props: { assumeRolePolicy: "{}" } },
    ]);
    expect(result.map((d) => [d.urn, d.message.split(" names")[0]])).toEqual([
      [urnOf(BUCKET, "other"), "waiver tag compliance:waive:iam-no-admin"],
      [urnOf(BUCKET, "other"), "waiver tag compliance:waive:kms-key-rotaton"],
    ]);
    expect(result[0].message).toContain("use a policy name from docs/policies.md.");
    expect(result[1].message).toContain("did you mean compliance:waive:kms-key-rotation?");
  });

  it("judges the tag key whatever its value: unknown, secret or malformed", async () => {
    for (const value of [unknown, secret("r; until=2026-12-31"), "no date"]) {
      const result = await mistakes([bucket({ "compliance:waive:s3-typo-policy": value })]);
      expect(result.map((d) => [d.level, d.message.startsWith("waiver tag compliance:waive:s3-typo-policy names no policy")])).toEqual([
        ["advisory", true],
      ]);
    }
  });

  it("judges secret tag maps by their keys, without showing the values", async () => {
    const result = await mistakes([bucket(secret({ "compliance:waive:s3-typo-policy": "hidden reason; until=2026-12-31" }))]);
    expect(result).toHaveLength(1);
    expect(result[0].message).not.toContain("hidden reason");
    expect(await mistakes([bucket(secret({ "compliance:waive:s3-bucket-versioning": "r; until=2026-12-31" }))])).toEqual([]);
  });

  it("is undecided, never silent, when a resource's tags are unknown during preview", async () => {
    const result = await mistakes([bucket(unknown)]);
    expect(result).toEqual([
      expect.objectContaining({
        level: "advisory",
        urn: urnOf(BUCKET, "legacy"),
        message: expect.stringMatching(/^\[undecided\] the resource's tags are unknown during preview/),
      }),
    ]);
  });

  it("stays silent on resources without tags or with tags that are not a map", async () => {
    expect(await mistakes([bucket(undefined), bucket("not-a-map", "b2"), bucket({}, "b3")])).toEqual([]);
  });

  it("can itself be waived on the resource, like any policy", async () => {
    const [finding] = await mistakes([
      bucket({
        "compliance:waive:s3-typo-policy": "r; until=2026-12-31",
        "compliance:waive:waiver-mistakes": "tag kept for tooling X; until=2026-12-31",
      }),
    ]);
    expect(finding.message).toMatch(
      /^\[waived\] waiver tag compliance:waive:s3-typo-policy .* \(waived until 2026-12-31 by tag compliance:waive:waiver-mistakes: tag kept for tooling X\)$/,
    );
  });
});

describe("closestName", () => {
  // A name is suggested when its distance is at most a third of the longer length, so padding both
  // names with the same suffix (which adds no edits) moves the cut-off across a given distance.
  const suggested = (typed: string, name: string, pad: number): boolean =>
    closestName(typed + "z".repeat(pad), [name + "z".repeat(pad)]) !== undefined;

  it("counts single-character edits", () => {
    // kitten -> sitting is 3 edits: within a third of 9 characters, not of 8.
    expect(suggested("kitten", "sitting", 2)).toBe(true);
    expect(suggested("kitten", "sitting", 1)).toBe(false);
    expect(closestName("kitten", ["sitting"])).toBeUndefined();
    // Inserting "abc" before a common rest is 3 edits as well.
    expect(suggested("", "abc", 6)).toBe(true);
    expect(suggested("", "abc", 5)).toBe(false);
    // An identical name is 0 edits: it beats a 1-edit one listed first.
    expect(closestName("same", ["sane", "same"])).toBe("same");
  });

  it("handles an empty name and takes the first of equally near names", () => {
    expect(closestName("", ["abc"])).toBeUndefined();
    expect(closestName("", ["abc", ""])).toBe("");
    expect(closestName("abcd", ["abce", "abcf"])).toBe("abce");
  });

  it("suggests the nearest name within a third of its length, else nothing", () => {
    expect(closestName("kms-key-rotaton", ["kms-key-rotation", "kms-key-deletion-window"])).toBe("kms-key-rotation");
    expect(closestName("abcdef", ["abcxyz"])).toBeUndefined();
    expect(closestName("abcdef", ["abcdxy", "abcdex"])).toBe("abcdex");
    expect(closestName("x", [])).toBeUndefined();
  });
});
