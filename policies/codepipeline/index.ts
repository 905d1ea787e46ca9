import type { CompliancePolicy } from "../lib/policy";
import { codepipelineArtifactStoreCmk } from "./artifact-store-cmk";
import { artifactStoreRegion } from "./artifact-store-region";
import { codepipelineInputArtifactsProduced } from "./input-artifacts-produced";
import { noGitHubV1Source } from "./no-github-v1-source";
import { codepipelinePipelineTypeV2 } from "./pipeline-type-v2";
import { codepipelineProductionApproval } from "./production-approval";
import { codepipelineSourceActionsFirstStage } from "./source-actions-first-stage";

export const codepipelinePolicies: readonly CompliancePolicy[] = [
  artifactStoreRegion,
  noGitHubV1Source,
  codepipelineArtifactStoreCmk,
  codepipelinePipelineTypeV2,
  codepipelineSourceActionsFirstStage,
  codepipelineInputArtifactsProduced,
  codepipelineProductionApproval,
];
