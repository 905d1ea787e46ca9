import { analyzeResource, of, unknown, verdicts } from "../harness";
import { approval, build, deploy, pipeline, PIPELINE, source, stage, STAGES } from "./pipeline";

const POLICY = "codepipeline-production-approval";
// The harness names every resource in stack "test".
const PRODUCTION = { [POLICY]: { productionStacks: ["test"] } };

async function findings(stages: unknown, config: Record<string, Record<string, unknown>> = PRODUCTION) {
  return of(POLICY, await analyzeResource(PIPELINE, "pipeline", pipeline({ stages }), { config }));
}

const unapproved = [stage("Source", source()), stage("Build", build()), stage("Deploy", deploy())];

describe(POLICY, () => {
  it("reports a production deploy without approval, at mandatory", async () => {
    const result = await findings(unapproved);
    expect(result).toEqual([
      expect.objectContaining({
        level: "mandatory",
        message: expect.stringContaining('action "Deploy" deploys in production stack "test" with no manual approval'),
      }),
    ]);
  });

  it("leaves stacks outside productionStacks alone (default: prod, production)", async () => {
    expect(await findings(unapproved, {})).toEqual([]);
    expect(await findings(unapproved, { [POLICY]: { productionStacks: ["prod"] } })).toEqual([]);
  });

  it("passes an approval in an earlier stage or at a lower runOrder", async () => {
    expect(await findings(STAGES)).toEqual([]);
    const sameStage = [stage("Source", source()), stage("Build", build()), stage("Release", approval(), deploy({ runOrder: 2 }))];
    expect(await findings(sameStage)).toEqual([]);
  });

  it("judges an absent runOrder like CodePipeline's default 1", async () => {
    const release = (runOrder?: number) => [
      stage("Source", source()),
      stage("Build", build()),
      stage("Release", approval({ runOrder }), deploy({ runOrder: 2 })),
    ];
    expect(verdicts(await findings(release()))).toEqual([]);
    expect(verdicts(await findings(release(1)))).toEqual([]);
    const parallel = (runOrder?: number) => [
      stage("Source", source()),
      stage("Build", build()),
      stage("Release", approval(), deploy({ runOrder })),
    ];
    expect(verdicts(await findings(parallel()))).toEqual(["mandatory"]);
    expect(verdicts(await findings(parallel(1)))).toEqual(["mandatory"]);
  });

  it("does not accept a parallel approval, a later one, or a non-manual approval", async () => {
    const cases = [
      [stage("Source", source()), stage("Build", build()), stage("Release", approval(), deploy())],
      [stage("Source", source()), stage("Build", build()), stage("Deploy", deploy()), stage("Approve", approval())],
      [stage("Source", source()), stage("Build", build()), stage("Approve", approval({ provider: "Lambda" })), stage("Deploy", deploy())],
    ];
    for (const stages of cases) {
      expect(await findings(stages)).toHaveLength(1);
    }
  });

  it("reports undecided when earlier actions, stages or the deploy itself are unknown", async () => {
    const cases = [
      [stage("Source", source()), stage("Approve", approval({ provider: unknown })), stage("Deploy", deploy())],
      [stage("Source", source()), stage("Approve", unknown), stage("Deploy", deploy())],
      [stage("Source", source()), stage("Build", build({ runOrder: unknown })), stage("Deploy", deploy())],
      [stage("Source", source()), stage("Deploy", deploy({ category: unknown }))],
    ];
    for (const stages of cases) {
      const result = await findings(stages);
      expect(result.length).toBeGreaterThan(0);
      expect(result.every((d) => d.level === "advisory" && d.message.startsWith("[undecided] "))).toBe(true);
    }
  });
});
