// Every fixture through the engine-faithful path (program in a child under mocks, the real pack in its
// own process (started by the kit launcher: the same TypeScript, type-checked), the Analyzer gRPC protocol), compared exactly with expected.json.
import * as path from "path";
import { actualLists, compareFindings, formatDifferences, listFixtures, readExpected } from "../../../checker/fixtures";
import { runCheck, startPack, type PackHandle } from "../../../checker/index";

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
 * Fixtures named for a finding of a policy outside the core ones (every other plain-named fixture
 * shows a core finding): the policy each must show, at its level (mandatory unless the policy is
 * advisory by default, like `s3-bucket-access-logging`).
 */
const NAMED_FOR: Readonly<Record<string, { readonly policy: string; readonly level: "mandatory" | "advisory" }>> = {
  "getpolicydocument-admin": { policy: "iam-no-admin-access", level: "mandatory" },
  "codebuild-plaintext-token-shapes": { policy: "codebuild-no-plaintext-credentials", level: "mandatory" },
  "ecs-plaintext-credential-names": { policy: "ecs-task-no-plaintext-secrets", level: "mandatory" },
  "bucket-without-access-logging": { policy: "s3-bucket-access-logging", level: "advisory" },
  "alb-http-listener-without-redirect": { policy: "lb-http-redirect-to-https", level: "mandatory" },
};

jest.setTimeout(180_000);

describe("fixtures under the real pack", () => {
  let pack: PackHandle;
  beforeAll(async () => {
    pack = await startPack({ policyPack: path.join(ROOT, "policies"), project: "fixtures", stack: "dev" });
  });
  afterAll(() => pack.stop());

  it("has a fixture for every known failure a policy can see, and good programs", () => {
    const names = fixtures.map((f) => f.name);
    expect(names.length).toBeGreaterThanOrEqual(12);
    expect(names.filter((n) => n.startsWith("good-")).length).toBeGreaterThanOrEqual(3);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))("%s reports exactly its expected.json", async (name, fixture) => {
    const expected = readExpected(fixture.expectedFile);
    const result = await runCheck({ program: fixture.dir, pack });
    expect(formatDifferences(name, compareFindings(expected, actualLists(result)))).toBe(`${name}: matches expected.json`);
    // Only the fixture named for it calls a function the provider model cannot answer; any other would
    // rest its findings on unknown results without saying so in its name.
    expect(result.unansweredFunctions).toEqual(name === "undecided-unknown-function" ? [{ token: "aws:codecommit/getRepository:getRepository", calls: 1 }] : []);
    if (name.startsWith("good-")) {
      const core = [...result.violations, ...result.undecided].filter((f) => CORE.includes(f.policy));
      expect(core).toEqual([]);
    } else if (name.startsWith("waived-")) {
      // A waiver must not hide the finding: it is reported as waived, and blocks nothing.
      expect(result.waived.some((w) => CORE.includes(w.policy))).toBe(true);
      expect(result.violations.filter((v) => v.enforcementLevel === "mandatory")).toEqual([]);
    } else if (name.startsWith("undecided-")) {
      // What cannot be seen offline is said, never passed silently nor failed on a guess.
      expect(result.undecided.some((u) => CORE.includes(u.policy))).toBe(true);
      expect(result.violations.filter((v) => v.enforcementLevel === "mandatory")).toEqual([]);
    } else if (name in NAMED_FOR) {
      const { policy, level } = NAMED_FOR[name];
      expect(result.violations.some((v) => v.policy === policy && v.enforcementLevel === level)).toBe(true);
    } else {
      expect(result.violations.some((v) => CORE.includes(v.policy))).toBe(true);
    }
  });
});
