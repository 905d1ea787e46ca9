// Every fixture through the engine-faithful path (program in a child under mocks, the real pack in its
// own process (started by the kit launcher: the same TypeScript, type-checked), the Analyzer gRPC protocol), compared exactly with expected.json.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { actualLists, compareFindings, formatDifferences, listFixtures, readExpected } from "../../../checker/fixtures";
import { runCheck } from "../../../checker/index";
import { CORE_POLICIES, SECOND_LOOK_PREFIX } from "../../../checker/secondLook";
import type { PhaseEvent } from "../../../checker/types";
import { usePack } from "../../checker/packFixture";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const fixtures = listFixtures(path.join(ROOT, "fixtures"));
/** The policies that stop the five known failures a policy can see (1, 4, 5, 6, 7). */
const CORE = [
  "codepipeline-artifact-store-region",
  "s3-no-deprecated-inline-config",
  "codepipeline-no-github-v1-source",
  "eventbridge-codecommit-rule-matches-source",
  "ecs-deploy-target-in-stack",
];

/**
 * The policies each failure fixture is named for (every fixture not named `good-`), at the level
 * a violation of them must have. Fixture names describe the failure, not the policy, so the map is
 * written out. Where a fixture must show them follows from its name's prefix: as a second-look
 * violation (`second-look-`), waived (`waived-`), undecided (`undecided-`), else as a violation.
 */
const MANDATORY = "mandatory";
const NAMED_FOR: Readonly<Record<string, { readonly policies: readonly string[]; readonly level: "mandatory" | "advisory" }>> = {
  "artifact-store-region": { policies: ["codepipeline-artifact-store-region"], level: MANDATORY },
  "cross-region-without-regions": { policies: ["codepipeline-artifact-store-region"], level: MANDATORY },
  "stack-transform-weakens-setting": { policies: ["codepipeline-artifact-store-region", "ecr-repository-scan-on-push"], level: MANDATORY },
  "inline-bucket-config": { policies: ["s3-no-deprecated-inline-config"], level: MANDATORY },
  "v2-bucket-resources": { policies: ["s3-no-deprecated-inline-config"], level: MANDATORY },
  "github-v1-oauth": { policies: ["codepipeline-no-github-v1-source"], level: MANDATORY },
  "github-v1-oauth-secret": { policies: ["codepipeline-no-github-v1-source"], level: MANDATORY },
  "second-look-github-v1-in-apply": { policies: ["codepipeline-no-github-v1-source"], level: MANDATORY },
  "waived-github-v1": { policies: ["codepipeline-no-github-v1-source"], level: MANDATORY },
  "codecommit-event-rule": { policies: ["eventbridge-codecommit-rule-matches-source"], level: MANDATORY },
  "codecommit-event-rule-object": { policies: ["eventbridge-codecommit-rule-matches-source"], level: MANDATORY },
  "codecommit-rule-wrong-pipeline": { policies: ["eventbridge-codecommit-rule-matches-source"], level: MANDATORY },
  "undecided-unknown-function": { policies: ["eventbridge-codecommit-rule-matches-source"], level: MANDATORY },
  "ecs-names-missing": { policies: ["ecs-deploy-target-in-stack"], level: MANDATORY },
  "ecs-cluster-service-mismatch": { policies: ["ecs-deploy-target-in-stack"], level: MANDATORY },
  "undecided-awsx-service": { policies: ["ecs-deploy-target-in-stack"], level: MANDATORY },
  "getpolicydocument-admin": { policies: ["iam-no-admin-access"], level: MANDATORY },
  "codebuild-plaintext-token-shapes": { policies: ["codebuild-no-plaintext-credentials"], level: MANDATORY },
  "ecs-plaintext-credential-names": { policies: ["ecs-task-no-plaintext-secrets"], level: MANDATORY },
  // Advisory by default: a finding that informs, not one that blocks.
  "bucket-without-access-logging": { policies: ["s3-bucket-access-logging"], level: "advisory" },
  "alb-http-listener-without-redirect": { policies: ["lb-http-redirect-to-https"], level: MANDATORY },
  "waiver-tag-unknown-policy": { policies: ["waiver-mistakes"], level: "advisory" },
};

jest.setTimeout(180_000);

describe("fixtures under the real pack", () => {
  const pack = usePack({ policyPack: path.join(ROOT, "policies"), project: "fixtures", stack: "dev" });

  it("has a fixture for every known failure a policy can see, and good programs", () => {
    const names = fixtures.map((f) => f.name);
    expect(names.length).toBeGreaterThanOrEqual(12);
    expect(names.filter((n) => n.startsWith("good-")).length).toBeGreaterThanOrEqual(3);
  });

  it("names the policies of every failure fixture, and only of fixtures that exist", () => {
    const failures = fixtures.map((f) => f.name).filter((n) => !n.startsWith("good-"));
    expect(Object.keys(NAMED_FOR).sort()).toEqual(failures.sort());
  });

  it("the test's core policies are the checker's second-look ones", () => {
    expect([...CORE_POLICIES].sort()).toEqual([...CORE].sort());
  });

  it.each(fixtures.map((f) => [f.name, f] as const))("%s reports exactly its expected.json", async (name, fixture) => {
    const expected = readExpected(fixture.expectedFile);
    // Every program process the check starts is listed here: the second look is a second one.
    const pidFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fixture-pids-")), "pids");
    process.env.PIPELINE_CHECK_PID_FILE = pidFile;
    const result = await runCheck({ program: fixture.dir, pack: pack() }).finally(() => delete process.env.PIPELINE_CHECK_PID_FILE);
    const programRuns = fs
      .readFileSync(pidFile, "utf8")
      .split("\n")
      .filter((line) => line.endsWith(" program")).length;
    fs.rmSync(path.dirname(pidFile), { recursive: true, force: true });
    const secondLook = result.violations.filter((v) => v.secondLook === true);
    // A clean first look (no core policy undecided) costs nothing: the program runs once.
    const undecidedCore = result.undecided.some((u) => CORE.includes(u.policy));
    expect({ programRuns, state: result.secondLook }).toEqual(
      undecidedCore ? { programRuns: 2, state: "ran" } : { programRuns: 1, state: "not needed" },
    );
    // Only a core policy the first look left undecided on that resource, said to rest on assumed outputs.
    for (const f of secondLook) {
      expect(CORE).toContain(f.policy);
      expect(result.undecided.some((u) => u.policy === f.policy && u.urn === f.urn)).toBe(true);
      expect(f.message.startsWith(SECOND_LOOK_PREFIX)).toBe(true);
    }
    expect(formatDifferences(name, compareFindings(expected, actualLists(result)))).toBe(`${name}: matches expected.json`);
    // Only the fixture named for it calls a function the provider model cannot answer; any other would
    // rest its findings on unknown results without saying so in its name.
    expect(result.unansweredFunctions).toEqual(
      name === "undecided-unknown-function" ? [{ token: "aws:codecommit/getRepository:getRepository", calls: 1 }] : [],
    );
    if (name.startsWith("good-")) {
      const core = [...result.violations, ...result.undecided].filter((f) => CORE.includes(f.policy));
      expect(core).toEqual([]);
      expect(secondLook).toEqual([]);
      return;
    }
    const { policies, level } = NAMED_FOR[name];
    for (const policy of policies) {
      if (name.startsWith("second-look-")) {
        // The failure is hidden from the first look (undecided, as the engine's first preview) and
        // found by the second, which fails the run.
        expect(result.violations.filter((v) => v.policy === policy && v.secondLook !== true)).toEqual([]);
        expect(secondLook.some((v) => v.policy === policy && v.enforcementLevel === level)).toBe(true);
      } else if (name.startsWith("waived-")) {
        // A waiver must not hide the finding: it is reported as waived, and blocks nothing.
        expect(result.waived.some((w) => w.policy === policy)).toBe(true);
      } else if (name.startsWith("undecided-")) {
        // What cannot be seen offline is said, never passed silently nor failed on a guess.
        expect(result.undecided.some((u) => u.policy === policy)).toBe(true);
      } else {
        expect(result.violations.some((v) => v.policy === policy && v.enforcementLevel === level && v.secondLook !== true)).toBe(true);
      }
    }
    if (name.startsWith("waived-") || name.startsWith("undecided-")) {
      expect(secondLook).toEqual([]);
      expect(result.violations.filter((v) => v.enforcementLevel === "mandatory")).toEqual([]);
    }
  });

  it("reports each finished phase once, the second look's with what it decided", async () => {
    const events: PhaseEvent[] = [];
    await runCheck({
      program: path.join(ROOT, "fixtures", "second-look-github-v1-in-apply"),
      pack: pack(),
      onPhase: (e) => events.push(e),
    });
    // The pack was started before the check, so no pack phase is reported for it.
    expect(events.map((e) => e.phase)).toEqual(["record", "analyze", "second look"]);
    expect(events[2]).toMatchObject({ undecided: 2, decided: 1 });
  });

  it("--no-second-look leaves the report exactly the first look's", async () => {
    const result = await runCheck({
      program: path.join(ROOT, "fixtures", "second-look-github-v1-in-apply"),
      pack: pack(),
      secondLook: false,
    });
    expect(result.secondLook).toBe("off");
    expect(result.violations.filter((v) => v.enforcementLevel === "mandatory")).toEqual([]);
    expect(result.undecided.some((u) => u.policy === "codepipeline-no-github-v1-source")).toBe(true);
  });
});
