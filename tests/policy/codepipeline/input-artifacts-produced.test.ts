import { unknown, verdicts } from "../harness";
import { policyOn } from "../policy-under-test";
import { build, deploy, pipeline, PIPELINE, source, stage, STAGES } from "./pipeline";

const POLICY = "codepipeline-input-artifacts-produced";

const onPipeline = policyOn(POLICY, PIPELINE, "pipeline");
const findings = (stages: unknown) => onPipeline.findings(pipeline({ stages }));

describe(POLICY, () => {
  it("passes artifacts produced in earlier stages or at a lower runOrder", async () => {
    expect(await findings(STAGES)).toEqual([]);
    const sameStage = [stage("Source", source()), stage("Build", build({ runOrder: 1 }), deploy({ runOrder: 2 }))];
    expect(await findings(sameStage)).toEqual([]);
  });

  it("judges an absent runOrder like CodePipeline's default 1", async () => {
    const parallel = (runOrder?: number) => [stage("Source", source()), stage("Build", build({ runOrder: 1 }), deploy({ runOrder }))];
    expect(verdicts(await findings(parallel()))).toEqual(["mandatory"]);
    expect(verdicts(await findings(parallel(1)))).toEqual(["mandatory"]);
    const ordered = (runOrder?: number) => [stage("Source", source()), stage("Build", build({ runOrder }), deploy({ runOrder: 2 }))];
    expect(verdicts(await findings(ordered()))).toEqual([]);
    expect(verdicts(await findings(ordered(1)))).toEqual([]);
  });

  it("reports a misspelt input artifact, at mandatory", async () => {
    const result = await findings([stage("Source", source()), stage("Build", build({ inputArtifacts: ["sourc"] }))]);
    expect(result).toEqual([
      expect.objectContaining({
        level: "mandatory",
        message: expect.stringContaining('action "Build" reads input artifacts "sourc" that no earlier action produces'),
      }),
    ]);
  });

  it("reports reading a parallel or later action's output", async () => {
    const parallel = [stage("Source", source()), stage("Build", build(), deploy())];
    expect((await findings(parallel)).map((d) => d.message)).toEqual([
      expect.stringContaining('action "Deploy" reads input artifacts "image"'),
    ]);
    const later = [stage("Source", source()), stage("Deploy", deploy()), stage("Build", build())];
    expect(await findings(later)).toHaveLength(1);
  });

  it("reports undecided when artifacts, run orders or stages are unknown", async () => {
    const cases = [
      [stage("Source", source()), stage("Build", build({ inputArtifacts: unknown }))],
      [stage("Source", source()), stage("Build", build({ runOrder: unknown })), stage("Deploy", deploy())],
      [stage("Source", source({ outputArtifacts: unknown })), stage("Build", build())],
      [stage("Source", unknown), stage("Build", build())],
    ];
    for (const stages of cases) {
      const result = await findings(stages);
      expect(result.length).toBeGreaterThan(0);
      expect(result.every((d) => d.level === "advisory" && d.message.startsWith("[undecided] "))).toBe(true);
    }
  });
});
