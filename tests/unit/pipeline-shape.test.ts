import { IMAGE_DEFINITIONS_FILE } from "../../stack/buildspecs";
import { renderStages, renderTriggers, type PipelineBindings } from "../../stack/pipeline/render";
import { checkShape, describePipeline, type PipelineShape } from "../../stack/pipeline/shape";

const bindings: PipelineBindings = {
  connectionArn: "arn:aws:codeconnections:us-east-1:123456789012:connection/abc",
  projectNames: { build: "image-build", test: "test-scan" },
  clusterName: "cluster-1",
  serviceName: "service-1",
};

const stageNames = (shape: PipelineShape): string[] => shape.stages.map((s) => s.name);

describe("describePipeline", () => {
  test("defaults: branch main, tests on, no approval", () => {
    const shape = describePipeline({ repository: "acme/widgets" });
    expect(stageNames(shape)).toEqual(["Source", "Build", "Test", "Deploy"]);
    expect(shape.stages[0].steps).toEqual([
      { kind: "source", name: "GitHub", repository: "acme/widgets", branch: "main", output: "Source" },
    ]);
  });

  test("approval sits between the last check and Deploy; tests can be left out", () => {
    expect(stageNames(describePipeline({ repository: "a/b", approvalRequired: true }))).toEqual([
      "Source",
      "Build",
      "Test",
      "Approval",
      "Deploy",
    ]);
    expect(stageNames(describePipeline({ repository: "a/b", runTests: false, approvalRequired: false }))).toEqual([
      "Source",
      "Build",
      "Deploy",
    ]);
  });

  test("the deploy step reads the file the build writes", () => {
    const shape = describePipeline({ repository: "a/b", branch: "release" });
    const build = shape.stages[1].steps[0];
    const deploy = shape.stages[shape.stages.length - 1].steps[0];
    expect(build).toMatchObject({ kind: "codebuild", project: "build", outputs: ["ImageDefinitions"] });
    expect(deploy).toEqual({
      kind: "ecs-deploy",
      name: "EcsService",
      input: "ImageDefinitions",
      imageDefinitionsFile: IMAGE_DEFINITIONS_FILE,
    });
    expect(IMAGE_DEFINITIONS_FILE).toBe("imagedefinitions.json");
    expect(() => checkShape(shape)).not.toThrow();
  });
});

describe("checkShape refuses what CodePipeline would refuse at deploy time", () => {
  const source = { kind: "source" as const, name: "GitHub", repository: "a/b", branch: "main", output: "Source" };
  const build = { kind: "codebuild" as const, name: "Image", project: "build" as const, inputs: ["Source"], outputs: ["Image"] };
  const deploy = { kind: "ecs-deploy" as const, name: "Deploy", input: "Image", imageDefinitionsFile: "f.json" };

  test.each<[string, PipelineShape, string]>([
    ["a single stage", { stages: [{ name: "Source", steps: [source] }] }, "a pipeline needs at least two stages"],
    [
      "a source step after the first stage",
      {
        stages: [
          { name: "Source", steps: [source] },
          { name: "Again", steps: [{ ...source, name: "Second" }] },
        ],
      },
      'step "Second" in stage "Again": source steps belong in the first stage and only there',
    ],
    [
      "a non-source step in the first stage",
      {
        stages: [
          { name: "Source", steps: [source, build] },
          { name: "Deploy", steps: [deploy] },
        ],
      },
      'step "Image" in stage "Source": source steps belong in the first stage and only there',
    ],
    [
      "an input nobody produces",
      {
        stages: [
          { name: "Source", steps: [source] },
          { name: "Deploy", steps: [deploy] },
        ],
      },
      'step "Deploy" reads artifact "Image", which no earlier stage produces',
    ],
    [
      "an input produced in the same stage",
      {
        stages: [
          { name: "Source", steps: [source] },
          { name: "Both", steps: [build, deploy] },
        ],
      },
      'step "Deploy" reads artifact "Image", which no earlier stage produces',
    ],
    [
      "an artifact produced twice",
      {
        stages: [
          { name: "Source", steps: [source] },
          { name: "Build", steps: [build] },
          { name: "Again", steps: [{ ...build, name: "Again" }] },
        ],
      },
      'artifact "Image" is produced twice',
    ],
    [
      "an artifact produced twice in one stage",
      {
        stages: [
          { name: "Source", steps: [source] },
          { name: "Build", steps: [build, { ...build, name: "Twin" }] },
        ],
      },
      'artifact "Image" is produced twice',
    ],
  ])("%s", (_case, shape, message) => {
    expect(() => checkShape(shape)).toThrow(`Invalid pipeline shape: ${message}`);
    expect(() => renderStages(shape, bindings)).toThrow(message);
  });
});

describe("rendering", () => {
  const shape = describePipeline({ repository: "acme/widgets", branch: "develop", approvalRequired: true });

  test("every step becomes the CodePipeline action its kind stands for", () => {
    expect(renderStages(shape, bindings)).toEqual([
      {
        name: "Source",
        actions: [
          {
            name: "GitHub",
            category: "Source",
            owner: "AWS",
            provider: "CodeStarSourceConnection",
            version: "1",
            outputArtifacts: ["Source"],
            configuration: {
              ConnectionArn: bindings.connectionArn,
              FullRepositoryId: "acme/widgets",
              BranchName: "develop",
              OutputArtifactFormat: "CODE_ZIP",
            },
          },
        ],
      },
      {
        name: "Build",
        actions: [
          {
            name: "Image",
            category: "Build",
            owner: "AWS",
            provider: "CodeBuild",
            version: "1",
            inputArtifacts: ["Source"],
            outputArtifacts: ["ImageDefinitions"],
            configuration: { ProjectName: "image-build" },
          },
        ],
      },
      {
        name: "Test",
        actions: [
          {
            name: "TestAndScan",
            category: "Test",
            owner: "AWS",
            provider: "CodeBuild",
            version: "1",
            inputArtifacts: ["Source"],
            outputArtifacts: [],
            configuration: { ProjectName: "test-scan" },
          },
        ],
      },
      {
        name: "Approval",
        actions: [
          {
            name: "Approve",
            category: "Approval",
            owner: "AWS",
            provider: "Manual",
            version: "1",
            configuration: { CustomData: "Deploy acme/widgets to the ECS service?" },
          },
        ],
      },
      {
        name: "Deploy",
        actions: [
          {
            name: "EcsService",
            category: "Deploy",
            owner: "AWS",
            provider: "ECS",
            version: "1",
            inputArtifacts: ["ImageDefinitions"],
            configuration: { ClusterName: "cluster-1", ServiceName: "service-1", FileName: "imagedefinitions.json" },
          },
        ],
      },
    ]);
  });

  test("one push trigger per source action, filtered to its branch", () => {
    expect(renderTriggers(shape)).toEqual([
      {
        providerType: "CodeStarSourceConnection",
        gitConfiguration: { sourceActionName: "GitHub", pushes: [{ branches: { includes: ["develop"] } }] },
      },
    ]);
  });
});
