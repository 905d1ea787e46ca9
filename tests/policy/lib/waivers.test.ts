import { pinToday } from "../../../policies/lib/clock";
import { analyzeResource, analyzeStack, of, unknown, urnOf } from "../harness";

// Waivers go through the real pack: a resource policy (S3) and a stack policy (ECS deploy target).
const BUCKET = "aws:s3/bucket:Bucket";
const S3 = "s3-no-deprecated-inline-config";
const ECS = "ecs-deploy-target-in-stack";
const PIPELINE = "aws:codepipeline/pipeline:Pipeline";
const TAG = `compliance:waive:${S3}`;

const bucket = (tags?: unknown) => ({ bucket: "legacy", versioning: { enabled: true }, ...(tags === undefined ? {} : { tags }) });

async function bucketFindings(tags?: unknown, waivers?: unknown) {
  const config = waivers === undefined ? undefined : { [S3]: { waivers } };
  return of(S3, await analyzeResource(BUCKET, "legacy", bucket(tags), { config }));
}

const pipeline = (tags?: Record<string, unknown>) => ({
  type: PIPELINE,
  name: "pipeline",
  props: {
    tags,
    stages: [
      {
        name: "Deploy",
        actions: [{ name: "ECS", category: "Deploy", owner: "AWS", provider: "ECS", configuration: { ClusterName: "shared" } }],
      },
    ],
  },
});

beforeAll(() => pinToday("2026-06-15"));
afterAll(() => pinToday(undefined));

describe("tag waivers on a resource policy", () => {
  it("turns the finding into a [waived] advisory that keeps the message, reason and expiry", async () => {
    const result = await bucketFindings({ [TAG]: "legacy bucket, migration CI-42; until=2026-06-30" });
    expect(result).toEqual([
      {
        policyName: S3,
        level: "advisory",
        urn: urnOf(BUCKET, "legacy"),
        message: expect.stringMatching(
          /^\[waived\] the inline input versioning .* \(waived until 2026-06-30 by tag compliance:waive:s3-no-deprecated-inline-config: legacy bucket, migration CI-42\)$/,
        ),
      },
    ]);
  });

  it("holds through its until day and expires the day after", async () => {
    expect((await bucketFindings({ [TAG]: "reason; until=2026-06-15" }))[0].level).toBe("advisory");
    const expired = await bucketFindings({ [TAG]: "reason; until=2026-06-14" });
    expect(expired).toEqual([
      expect.objectContaining({
        level: "mandatory",
        message: expect.stringContaining(
          "(the waiver by tag compliance:waive:s3-no-deprecated-inline-config expired on 2026-06-14 (reason))",
        ),
      }),
    ]);
  });

  it("reports a malformed waiver tag and does not apply it", async () => {
    const cases: [unknown, string][] = [
      ["no date here", "has no until date"],
      [" ; until=2026-07-01", "gives no reason"],
      ["reason; until=2026-02-30", 'invalid until date "2026-02-30"'],
      ["reason; until=next week", "invalid until date"],
      [42, "is not a string"],
    ];
    for (const [value, problem] of cases) {
      const result = await bucketFindings({ [TAG]: value });
      expect(result.map((d) => [d.level, d.message])).toEqual([
        ["mandatory", expect.stringContaining(`malformed waiver for ${S3}: tag ${TAG}`)],
        ["mandatory", expect.stringMatching(/^the inline input versioning/)],
      ]);
      expect(result[0].message).toContain(problem);
    }
  });

  it("reports a malformed waiver even when the resource passes", async () => {
    const result = of(S3, await analyzeResource(BUCKET, "clean", { tags: { [TAG]: "oops" } }));
    expect(result.map((d) => d.message)).toEqual([expect.stringContaining("malformed waiver")]);
  });

  it("ignores waivers for other policies, and says so when tags are unknown at preview", async () => {
    expect((await bucketFindings({ "compliance:waive:other-policy": "r; until=2030-01-01" }))[0].level).toBe("mandatory");
    for (const tags of [unknown, { [TAG]: unknown }]) {
      const [finding] = await bucketFindings(tags);
      expect(finding.level).toBe("mandatory");
      expect(finding.message).toContain("tags are unknown during preview, so no tag waiver applies");
    }
  });
});

describe("config waivers", () => {
  it("waive by logical name and by URN", async () => {
    for (const resource of ["legacy", urnOf(BUCKET, "legacy")]) {
      const [finding] = await bucketFindings(undefined, [{ resource, reason: "accepted risk RISK-7", until: "2026-12-31" }]);
      expect(finding).toMatchObject({
        level: "advisory",
        message: expect.stringContaining("waived until 2026-12-31 by config waivers[0]: accepted risk RISK-7"),
      });
    }
  });

  it("ignore entries for other resources and report expired ones", async () => {
    const other = await bucketFindings(undefined, [{ resource: "other", reason: "r", until: "2026-12-31" }]);
    expect(other.map((d) => d.level)).toEqual(["mandatory"]);
    const expired = await bucketFindings(undefined, [{ resource: "legacy", reason: "r", until: "2026-01-01" }]);
    expect(expired[0].message).toContain("the waiver by config waivers[0] expired on 2026-01-01");
  });

  it("an active waiver wins over an expired one", async () => {
    const result = await bucketFindings({ [TAG]: "old; until=2025-01-01" }, [{ resource: "legacy", reason: "new", until: "2026-12-31" }]);
    expect(result.map((d) => d.level)).toEqual(["advisory"]);
  });

  it("report malformed entries, never accepting them", async () => {
    const cases: [unknown, string][] = [
      [[{ reason: "r", until: "2026-12-31" }], "config waivers[0] names no resource"],
      [[{ resource: "legacy", until: "2026-12-31" }], "config waivers[0] for legacy gives no reason"],
      [[{ resource: "legacy", reason: "r", until: "31/12/2026" }], "config waivers[0] for legacy has no valid until date (YYYY-MM-DD)"],
      [[{ resource: "legacy", reason: "r" }], "config waivers[0] for legacy has no valid until date (YYYY-MM-DD)"],
      [["legacy"], "config waivers[0] names no resource"],
      ["legacy", "config waivers is not a list"],
    ];
    for (const [waivers, problem] of cases) {
      const result = await bucketFindings(undefined, waivers);
      expect(result.map((d) => [d.level, d.message])).toEqual([
        ["mandatory", `malformed waiver for ${S3}: ${problem}`],
        ["mandatory", expect.stringMatching(/^the inline input versioning/)],
      ]);
    }
  });
});

describe("waivers on a stack policy", () => {
  it("apply to the resource the finding names, by tag or config", async () => {
    const tagged = await analyzeStack([pipeline({ [`compliance:waive:${ECS}`]: "cluster of team B; until=2026-07-01" })]);
    expect(of(ECS, tagged)).toEqual([
      expect.objectContaining({ level: "advisory", urn: urnOf(PIPELINE, "pipeline"), message: expect.stringMatching(/^\[waived\] /) }),
    ]);
    const configured = await analyzeStack([pipeline()], {
      config: { [ECS]: { waivers: [{ resource: "pipeline", reason: "r", until: "2026-07-01" }] } },
    });
    expect(of(ECS, configured)[0].level).toBe("advisory");
  });

  it("report malformed waiver tags on any resource, and pack-wide config problems once for the stack", async () => {
    const bucketWithBadTag = { type: BUCKET, name: "b", props: { tags: { [`compliance:waive:${ECS}`]: "no date" } } };
    const config = { [ECS]: { waivers: [{ reason: "r", until: "2026-07-01" }] } };
    const result = of(ECS, await analyzeStack([pipeline(), bucketWithBadTag], { config }));
    expect(result.map((d) => [d.urn, d.message])).toEqual([
      ["", `malformed waiver for ${ECS}: config waivers[0] names no resource`],
      [urnOf(BUCKET, "b"), expect.stringContaining(`malformed waiver for ${ECS}: tag compliance:waive:${ECS}`)],
      [urnOf(PIPELINE, "pipeline"), expect.stringContaining('ClusterName "shared"')],
    ]);
  });
});
