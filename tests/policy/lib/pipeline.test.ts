import { pipelineActions } from "../../../policies/lib/pipeline";
import { asProps, unknown } from "./sdk-proxy";

const labels = (pipeline: unknown) => pipelineActions(asProps(pipeline)).actions.map((a) => [a.label, a.stage]);
const unknownPaths = (pipeline: unknown) => pipelineActions(asProps(pipeline)).unknown;

describe("pipelineActions", () => {
  it("labels actions by name, or by position where the name is missing", () => {
    const pipeline = {
      stages: [{ name: "Source", actions: [{ name: "Checkout" }] }, { actions: [{ name: "Build" }, {}] }],
    };
    expect(labels(pipeline)).toEqual([
      ['stage "Source", action "Checkout"', 0],
      ['stage #2, action "Build"', 1],
      ["stage #2, action #2", 1],
    ]);
    expect(unknownPaths(pipeline)).toEqual([]);
  });

  it("returns the paths of unknown stage lists, stages, action lists and actions", () => {
    expect(unknownPaths({ stages: unknown })).toEqual(["stages"]);
    const pipeline = {
      stages: [unknown, { name: "Build", actions: unknown }, { name: "Deploy", actions: [{ name: "Ecs" }, unknown] }],
    };
    expect(unknownPaths(pipeline)).toEqual(["stages.0", "stages.1.actions", "stages.2.actions.1"]);
    expect(labels(pipeline)).toEqual([['stage "Deploy", action "Ecs"', 2]]);
  });

  it("finds no actions in a pipeline without stages or a stage without actions", () => {
    expect(pipelineActions(asProps({}))).toEqual({ actions: [], unknown: [] });
    expect(pipelineActions(asProps({ stages: [{ name: "Empty" }] }))).toEqual({ actions: [], unknown: [] });
  });
});
