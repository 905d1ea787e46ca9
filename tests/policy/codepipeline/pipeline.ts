import { sourceAction } from "../../../fixtures/shared/shapes";

/** Pipelines shaped like the reference stack's: every CodePipeline policy passes on `pipeline()`. */
export const PIPELINE = "aws:codepipeline/pipeline:Pipeline";

type Props = Record<string, unknown>;

export const source = (extra: Props = {}): Props => ({
  ...sourceAction("AWS", "CodeStarSourceConnection", {
    ConnectionArn: "arn:aws:codeconnections:us-east-1:111111111111:connection/x",
    FullRepositoryId: "org/app",
    BranchName: "main",
  }),
  ...extra,
});

export const build = (extra: Props = {}): Props => ({
  name: "Build",
  category: "Build",
  owner: "AWS",
  provider: "CodeBuild",
  version: "1",
  inputArtifacts: ["source"],
  outputArtifacts: ["image"],
  configuration: { ProjectName: "build" },
  ...extra,
});

export const approval = (extra: Props = {}): Props => ({
  name: "Approve",
  category: "Approval",
  owner: "AWS",
  provider: "Manual",
  version: "1",
  ...extra,
});

export const deploy = (extra: Props = {}): Props => ({
  name: "Deploy",
  category: "Deploy",
  owner: "AWS",
  provider: "ECS",
  version: "1",
  inputArtifacts: ["image"],
  configuration: { ClusterName: "c", ServiceName: "s", FileName: "imagedefinitions.json" },
  ...extra,
});

export const stage = (name: string, ...actions: unknown[]): Props => ({ name, actions });

export const STAGES = [stage("Source", source()), stage("Build", build()), stage("Approve", approval()), stage("Deploy", deploy())];

export function pipeline(overrides: Props = {}): Props {
  return {
    name: "app",
    pipelineType: "V2",
    roleArn: "arn:aws:iam::111111111111:role/pipeline",
    artifactStores: [
      { location: "artifacts", type: "S3", encryptionKey: { id: "arn:aws:kms:us-east-1:111111111111:key/abc", type: "KMS" } },
    ],
    stages: STAGES,
    ...overrides,
  };
}
