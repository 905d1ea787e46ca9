// The second look inside runCheck, when it cannot finish: the first look's report stands with a warning
// for a failure the user can act on (a CheckError), and anything else is a bug that must surface.
import * as path from "path";
import { runCheck } from "../../checker/index";
import { pairs, usePack } from "./packFixture";

const ROOT = path.resolve(__dirname, "..", "..");
const PROGRAM = path.join(__dirname, "programs", "second-look-throws.ts");
// Records the same both times; its second look decides a core finding.
const SECOND_LOOK_FIXTURE = path.join(ROOT, "fixtures", "second-look-github-v1-in-apply");

jest.setTimeout(120_000);

describe("a second look that fails", () => {
  const pack = usePack({ policyPack: path.join(ROOT, "policies"), project: "programs", stack: "dev" });
  afterEach(() => jest.restoreAllMocks());

  it("is a warning on the first look's report when the program fails on its second run", async () => {
    const firstLookOnly = await runCheck({ program: PROGRAM, pack: pack(), secondLook: false });
    // Control: the program leaves core policies undecided (so a second look is due) and has first-look violations.
    expect(pairs(firstLookOnly.undecided)).toContain("codepipeline-no-github-v1-source@pipeline");
    expect(pairs(firstLookOnly.violations)).toContain("codepipeline-pipeline-type-v2@pipeline");

    const result = await runCheck({ program: PROGRAM, pack: pack() });
    expect(result.secondLook).toBe("ran");
    expect(result.warnings).toEqual([
      expect.stringMatching(/^second look not done: program .*second-look-throws\.ts called process.exit\(4\) before it finished/),
    ]);
    expect(pairs(result.violations)).toEqual(pairs(firstLookOnly.violations));
    expect(pairs(result.undecided)).toEqual(pairs(firstLookOnly.undecided));
    expect(result.violations.filter((v) => v.secondLook === true)).toEqual([]);
  });

  it("rethrows an error that is not a CheckError", async () => {
    const { session } = pack();
    const analyze = session.analyze.bind(session);
    // The first look is analyzed as usual; the second look's analysis fails with a bug, not a user mistake.
    const spy = jest
      .spyOn(session, "analyze")
      .mockImplementationOnce(analyze)
      .mockRejectedValueOnce(new TypeError("a bug in the analysis"));
    await expect(runCheck({ program: SECOND_LOOK_FIXTURE, pack: pack() })).rejects.toThrow(new TypeError("a bug in the analysis"));
    expect(spy).toHaveBeenCalledTimes(2);
  });
});
