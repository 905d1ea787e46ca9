import { analyzeResource, of, remediate, unknown } from "../harness";
import { pipeline, PIPELINE } from "./pipeline";

const POLICY = "codepipeline-pipeline-type-v2";

async function findings(props: Record<string, unknown>) {
  return of(POLICY, await analyzeResource(PIPELINE, "pipeline", props));
}

describe(POLICY, () => {
  it("passes V2", async () => {
    expect(await findings(pipeline())).toEqual([]);
  });

  it("reports V1, explicit or absent (the provider default V1), at advisory", async () => {
    expect(await findings(pipeline({ pipelineType: "V1" }))).toEqual([
      expect.objectContaining({ level: "advisory", message: expect.stringContaining('pipelineType is "V1"') }),
    ]);
    expect((await findings(pipeline({ pipelineType: undefined }))).map((d) => d.message)).toEqual([
      expect.stringContaining("not set (V1)"),
    ]);
  });

  it("reports undecided when pipelineType is unknown", async () => {
    expect((await findings(pipeline({ pipelineType: unknown }))).map((d) => d.message)).toEqual([
      expect.stringMatching(/^\[undecided\] .*pipelineType/),
    ]);
  });

  it("offers no remediation: V1 to V2 changes billing and triggers", async () => {
    const config = { [POLICY]: { enforcementLevel: "remediate" as const } };
    expect(await remediate(PIPELINE, "pipeline", pipeline({ pipelineType: "V1" }), { config })).toEqual([]);
  });
});
