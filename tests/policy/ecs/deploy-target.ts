// What the ecs-deploy-target-in-stack tests build: a pipeline deploying to ECS, and the clusters and services it may name.
import { analyzeStack, of, TestResource } from "../harness";

const POLICY = "ecs-deploy-target-in-stack";
export const PIPELINE = "aws:codepipeline/pipeline:Pipeline";
export const CLUSTER = "aws:ecs/cluster:Cluster";
const SERVICE = "aws:ecs/service:Service";

export const ecsDeploy = (configuration: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  name: "DeployToECS",
  category: "Deploy",
  owner: "AWS",
  provider: "ECS",
  version: "1",
  inputArtifacts: ["build"],
  configuration: { FileName: "imagedefinitions.json", ...configuration },
  ...extra,
});

export const pipeline = (stages: unknown): TestResource => ({
  type: PIPELINE,
  name: "pipeline",
  props: { name: "app", artifactStores: [{ location: "bucket", type: "S3" }], stages },
});

export const deployStage = (...actions: unknown[]) => [
  { name: "Source", actions: [{ name: "Source", category: "Source", owner: "AWS", provider: "CodeStarSourceConnection", version: "1" }] },
  { name: "Deploy", actions },
];

export const cluster = (name: string, props: Record<string, unknown>): TestResource => ({ type: CLUSTER, name, props });
export const service = (name: string, props: Record<string, unknown>, propertyDependencies?: Record<string, string[]>): TestResource => ({
  type: SERVICE,
  name,
  props,
  propertyDependencies,
});

/** The policy's findings on `resources`, with `config` as its policy config. */
export async function findings(resources: TestResource[], config?: Record<string, unknown>) {
  return of(POLICY, await analyzeStack(resources, { config: config && { [POLICY]: config } }));
}
