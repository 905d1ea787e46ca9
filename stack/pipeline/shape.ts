// The pipeline described as plain data: what runs, in which order, on which artifacts. Nothing here
// knows about Pulumi resources; render.ts turns a shape into CodePipeline stages.
import { IMAGE_DEFINITIONS_FILE } from "../buildspecs";

/** The knobs of the reference pipeline's shape. */
export interface PipelineShapeOptions {
  /** GitHub repository ("owner/name") the Source step checks out. Required. */
  repository: string;
  /** Branch whose pushes start the pipeline. Default: "main". */
  branch?: string;
  /** Run the test/security-scan project on the source after the image build. Default: true. */
  runTests?: boolean;
  /** Stop before Deploy until someone approves in the console. Default: false (prod stacks require true). */
  approvalRequired?: boolean;
}

/** Checks out the repository through the stack's CodeConnections connection. */
export interface SourceStep {
  kind: "source";
  name: string;
  repository: string;
  branch: string;
  output: string;
}

/** Runs one of the stack's CodeBuild projects. */
export interface CodeBuildStep {
  kind: "codebuild";
  name: string;
  project: "build" | "test";
  inputs: string[];
  outputs: string[];
}

/** Waits for a person to approve. */
export interface ApprovalStep {
  kind: "approval";
  name: string;
  summary: string;
}

/** Rolls the stack's ECS service onto the image named in the image definitions file. */
export interface EcsDeployStep {
  kind: "ecs-deploy";
  name: string;
  input: string;
  imageDefinitionsFile: string;
}

export type PipelineStep = SourceStep | CodeBuildStep | ApprovalStep | EcsDeployStep;

export interface PipelineStageShape {
  name: string;
  steps: PipelineStep[];
}

export interface PipelineShape {
  stages: PipelineStageShape[];
}

const SOURCE_ARTIFACT = "Source";
const IMAGE_ARTIFACT = "ImageDefinitions";

/** Source, Build, Test (optional), Approval (optional), Deploy. */
export function describePipeline(options: PipelineShapeOptions): PipelineShape {
  const stages: PipelineStageShape[] = [
    {
      name: "Source",
      steps: [
        { kind: "source", name: "GitHub", repository: options.repository, branch: options.branch ?? "main", output: SOURCE_ARTIFACT },
      ],
    },
    {
      name: "Build",
      steps: [{ kind: "codebuild", name: "Image", project: "build", inputs: [SOURCE_ARTIFACT], outputs: [IMAGE_ARTIFACT] }],
    },
  ];
  if (options.runTests ?? true) {
    stages.push({
      name: "Test",
      steps: [{ kind: "codebuild", name: "TestAndScan", project: "test", inputs: [SOURCE_ARTIFACT], outputs: [] }],
    });
  }
  if (options.approvalRequired ?? false) {
    stages.push({
      name: "Approval",
      steps: [{ kind: "approval", name: "Approve", summary: `Deploy ${options.repository} to the ECS service?` }],
    });
  }
  stages.push({
    name: "Deploy",
    steps: [{ kind: "ecs-deploy", name: "EcsService", input: IMAGE_ARTIFACT, imageDefinitionsFile: IMAGE_DEFINITIONS_FILE }],
  });
  return { stages };
}

function inputsOf(step: PipelineStep): string[] {
  switch (step.kind) {
    case "codebuild":
      return step.inputs;
    case "ecs-deploy":
      return [step.input];
    default:
      return [];
  }
}

function outputsOf(step: PipelineStep): string[] {
  switch (step.kind) {
    case "source":
      return [step.output];
    case "codebuild":
      return step.outputs;
    default:
      return [];
  }
}

/**
 * The rules CodePipeline enforces at deploy time, checked before anything is created: at least two
 * stages, source steps only (and all of them) in the first stage, every input produced by an earlier
 * stage, every artifact name produced once.
 */
export function checkShape(shape: PipelineShape): void {
  const fail = (message: string): never => {
    throw new Error(`Invalid pipeline shape: ${message}`);
  };
  if (shape.stages.length < 2) fail("a pipeline needs at least two stages");
  const produced = new Set<string>();
  shape.stages.forEach((stage, index) => {
    const stageProduces: string[] = [];
    for (const step of stage.steps) {
      const isSource = step.kind === "source";
      if (isSource !== (index === 0)) {
        fail(`step "${step.name}" in stage "${stage.name}": source steps belong in the first stage and only there`);
      }
      for (const input of inputsOf(step)) {
        if (!produced.has(input)) fail(`step "${step.name}" reads artifact "${input}", which no earlier stage produces`);
      }
      for (const output of outputsOf(step)) {
        if (produced.has(output) || stageProduces.includes(output)) fail(`artifact "${output}" is produced twice`);
        stageProduces.push(output);
      }
    }
    stageProduces.forEach((output) => produced.add(output));
  });
}
