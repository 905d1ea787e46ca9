/** The building blocks of the hand-written seeds: pipeline actions and stores, documents, build projects. */
import type { Recorded } from "./record";
import { secretOf, type Wire, type WireObject } from "./values";
import { unknown } from "../policy/harness";

const ACCOUNT = "123456789012";
/** The KMS key the seeds encrypt with. */
export const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/0f1e2d3c-aaaa-bbbb-cccc-000000000000`;

/** An IAM policy document holding `statements`, as a JSON string like the programs pass it. */
export const document = (statements: readonly WireObject[]): string => JSON.stringify({ Version: "2012-10-17", Statement: statements });

/** A pipeline action, named after its provider unless `name` is given. */
const action = (category: string, owner: string, provider: string, configuration: WireObject, name = provider): WireObject => ({
  name,
  category,
  owner,
  provider,
  version: "1",
  configuration,
});

/** A three-stage pipeline (source, build, deploy) with the given stores and actions. */
export function pipeline(artifactStores: Wire, sources: readonly WireObject[], deploy: readonly WireObject[]): WireObject {
  return {
    name: "fuzz-pipeline",
    roleArn: `arn:aws:iam::${ACCOUNT}:role/pipeline`,
    artifactStores,
    stages: [
      { name: "Source", actions: sources },
      { name: "Build", actions: [action("Build", "AWS", "CodeBuild", { ProjectName: "fuzz-build" })] },
      { name: "Deploy", actions: deploy },
    ],
  };
}

/** An S3 artifact store encrypted with the seeds' key; `extra` adds or overrides inputs. */
export const store = (extra: WireObject = {}): WireObject => ({
  location: "fuzz-artifacts",
  type: "S3",
  encryptionKey: { id: KEY_ARN, type: "KMS" },
  ...extra,
});

/** A GitHub version 1 source action with its OAuth token. */
export const gitHubV1 = action("Source", "ThirdParty", "GitHub", {
  Owner: "acme",
  Repo: "app",
  Branch: "main",
  OAuthToken: secretOf("ghp_token"),
});
/** A CodeCommit source action. */
export const codeCommit = action("Source", "AWS", "CodeCommit", { RepositoryName: "app-repo", BranchName: "main" });
/** A CodeStar connection source action. */
export const connection = action("Source", "AWS", "CodeStarSourceConnection", {
  ConnectionArn: unknown,
  FullRepositoryId: "acme/app",
  BranchName: "main",
});
/** An ECS deploy action naming its cluster and service. */
export const ecsDeploy = action("Deploy", "AWS", "ECS", {
  ClusterName: "app-cluster",
  ServiceName: "app-service",
  FileName: "imagedefinitions.json",
});
/** A CodeDeploy blue/green deploy action naming its application and deployment group. */
export const blueGreen = action("Deploy", "AWS", "CodeDeployToECS", {
  ApplicationName: "app",
  DeploymentGroupName: "app-dg",
  TaskDefinitionTemplateArtifact: "Build",
});

/** A CodeCommit event pattern, as a JSON string; `extra` adds or overrides fields. */
export const codeCommitPattern = (extra: WireObject = {}): string =>
  JSON.stringify({ source: ["aws.codecommit"], "detail-type": ["CodeCommit Repository State Change"], ...extra });

/** A statement granting everyone read access to the seeds' bucket. */
export const publicStatement: WireObject = {
  Effect: "Allow",
  Principal: "*",
  Action: "s3:GetObject",
  Resource: "arn:aws:s3:::fuzz-artifacts/*",
};
/** A statement denying requests to the seeds' bucket that do not use TLS. */
export const tlsStatement: WireObject = {
  Effect: "Deny",
  Principal: { AWS: "*" },
  Action: "s3:*",
  Resource: ["arn:aws:s3:::fuzz-artifacts", "arn:aws:s3:::fuzz-artifacts/*"],
  Condition: { Bool: { "aws:SecureTransport": "false" } },
};

/** A CodeBuild project for a pipeline; `environment` and `extra` add or override inputs. */
export const project = (environment: WireObject, extra: WireObject = {}): WireObject => ({
  name: "fuzz-build",
  serviceRole: `arn:aws:iam::${ACCOUNT}:role/build`,
  artifacts: { type: "CODEPIPELINE" },
  source: { type: "CODEPIPELINE", buildspec: "version: 0.2" },
  environment: { computeType: "BUILD_GENERAL1_SMALL", image: "aws/codebuild/standard:7.0", type: "LINUX_CONTAINER", ...environment },
  ...extra,
});

type Member = readonly [type: string, name: string, props: WireObject, dependencies?: Readonly<Record<string, readonly number[]>>];

/** Builds one small stack; dependencies name other members by their index in the group. */
export function group(members: readonly Member[]): Recorded[] {
  return members.map(([type, name, props, dependencies = {}]) => ({ type, name, props, dependencies }));
}
