import { unknown } from "../harness";
import { policyOn } from "../policy-under-test";
import { build, deploy, pipeline, PIPELINE, source, stage } from "./pipeline";

const POLICY = "codepipeline-source-actions-first-stage";

const onPipeline = policyOn(POLICY, PIPELINE, "pipeline");
const findings = (stages: unknown) => onPipeline.findings(pipeline({ stages }));

describe(POLICY, () => {
  it("passes source actions in the first stage only", async () => {
    expect(await findings(undefined)).toEqual([]);
    expect(await findings([stage("Source", source(), source({ name: "Lib", outputArtifacts: ["lib"] })), stage("Build", build())])).toEqual(
      [],
    );
  });

  it("reports a source action in a later stage, at mandatory", async () => {
    const result = await findings([stage("Source", source()), stage("Build", build(), source({ name: "Late" }))]);
    expect(result).toEqual([
      expect.objectContaining({
        level: "mandatory",
        message: expect.stringMatching(/^stage "Build", action "Late" is a source action outside the first stage/),
      }),
    ]);
  });

  it("reports other actions in the first stage, with or without a category", async () => {
    const result = await findings([stage("Source", source(), build(), deploy({ category: undefined })), stage("Deploy", deploy())]);
    expect(result.map((d) => d.message)).toEqual([
      expect.stringContaining('action "Build" is a Build action in the first stage'),
      expect.stringContaining('action "Deploy" is a category-less action in the first stage'),
    ]);
  });

  it("reports undecided for unknown stages, actions and categories", async () => {
    for (const stages of [unknown, [stage("Source", unknown)], [stage("Source", source({ category: unknown }))]]) {
      expect((await findings(stages)).map((d) => d.message)).toEqual([expect.stringMatching(/^\[undecided\] /)]);
    }
  });
});
