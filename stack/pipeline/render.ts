import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { checkShape, type PipelineShape, type PipelineStep } from "./shape";

type StageArgs = aws.types.input.codepipeline.PipelineStage;
type ActionArgs = aws.types.input.codepipeline.PipelineStageAction;
type TriggerArgs = aws.types.input.codepipeline.PipelineTrigger;

/** The stack's resources a shape's steps refer to. */
export interface PipelineBindings {
  connectionArn: pulumi.Input<string>;
  projectNames: Record<"build" | "test", pulumi.Input<string>>;
  /** Outputs of this stack's cluster and service, so the deploy target always exists. */
  clusterName: pulumi.Input<string>;
  serviceName: pulumi.Input<string>;
}

function renderStep(step: PipelineStep, bindings: PipelineBindings): ActionArgs {
  switch (step.kind) {
    case "source":
      return {
        name: step.name,
        category: "Source",
        owner: "AWS",
        provider: "CodeStarSourceConnection",
        version: "1",
        outputArtifacts: [step.output],
        configuration: {
          ConnectionArn: bindings.connectionArn,
          FullRepositoryId: step.repository,
          BranchName: step.branch,
          OutputArtifactFormat: "CODE_ZIP",
        },
      };
    case "codebuild":
      return {
        name: step.name,
        category: step.project === "build" ? "Build" : "Test",
        owner: "AWS",
        provider: "CodeBuild",
        version: "1",
        inputArtifacts: step.inputs,
        outputArtifacts: step.outputs,
        configuration: { ProjectName: bindings.projectNames[step.project] },
      };
    case "approval":
      return {
        name: step.name,
        category: "Approval",
        owner: "AWS",
        provider: "Manual",
        version: "1",
        configuration: { CustomData: step.summary },
      };
    case "ecs-deploy":
      return {
        name: step.name,
        category: "Deploy",
        owner: "AWS",
        provider: "ECS",
        version: "1",
        inputArtifacts: [step.input],
        configuration: {
          ClusterName: bindings.clusterName,
          ServiceName: bindings.serviceName,
          FileName: step.imageDefinitionsFile,
        },
      };
  }
}

/** CodePipeline stages for a shape; the shape is checked first so a mistake fails at preview. */
export function renderStages(shape: PipelineShape, bindings: PipelineBindings): StageArgs[] {
  checkShape(shape);
  return shape.stages.map((stage) => ({
    name: stage.name,
    actions: stage.steps.map((step) => renderStep(step, bindings)),
  }));
}

/** One V2 push trigger per source step, filtered to its branch. */
export function renderTriggers(shape: PipelineShape): TriggerArgs[] {
  return shape.stages
    .flatMap((stage) => stage.steps)
    .flatMap((step) =>
      step.kind !== "source"
        ? []
        : [
            {
              providerType: "CodeStarSourceConnection",
              gitConfiguration: {
                sourceActionName: step.name,
                pushes: [{ branches: { includes: [step.branch] } }],
              },
            },
          ],
    );
}
