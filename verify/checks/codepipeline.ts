import { GetPipelineCommand, ListPipelineExecutionsCommand, type PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { call, failedWith } from "../aws-errors";
import { describeKey, isStackKey } from "../keys";
import type { StackOutputs } from "../outputs";
import { type Check, type CheckContext, fail, info, pass } from "../types";

const PIPELINE = "codepipeline.pipeline";

async function getPipeline({ outputs, clients }: CheckContext): Promise<PipelineDeclaration | undefined> {
  try {
    const res = await call("codepipeline:GetPipeline", () =>
      clients.codepipeline.send(new GetPipelineCommand({ name: outputs.pipelineName })),
    );
    return res.pipeline;
  } catch (error) {
    if (failedWith(error, "PipelineNotFoundException")) return undefined;
    throw error;
  }
}

const notFound = (outputs: StackOutputs) => fail(`pipeline '${outputs.pipelineName}' not found`);

/**
 * The reference pipeline's stage order. A Test stage may sit between Build and Approval/Deploy, and
 * Approval is present only when the stack says approval is required.
 */
export function expectedStageOrders(approvalRequired: boolean): string[][] {
  const tail = approvalRequired ? ["Approval", "Deploy"] : ["Deploy"];
  return [
    ["Source", "Build", ...tail],
    ["Source", "Build", "Test", ...tail],
  ];
}

const pipelineV2: Check = {
  id: PIPELINE,
  title: "pipeline exists and is type V2",
  async run(ctx) {
    const pipeline = await getPipeline(ctx);
    if (!pipeline) return notFound(ctx.outputs);
    return pipeline.pipelineType === "V2"
      ? pass(`'${pipeline.name}' is V2`)
      : fail(`pipelineType is ${pipeline.pipelineType ?? "V1 (unset)"}, expected V2`);
  },
};

const stages: Check = {
  id: "codepipeline.stages",
  title: "pipeline stages are in the expected order",
  requires: PIPELINE,
  async run(ctx) {
    const pipeline = await getPipeline(ctx);
    if (!pipeline) return notFound(ctx.outputs);
    const actual = (pipeline.stages ?? []).map((s) => s.name).join(" > ");
    const allowed = expectedStageOrders(ctx.outputs.approvalRequired).map((order) => order.join(" > "));
    return allowed.includes(actual) ? pass(actual) : fail(`stages are ${actual || "(none)"}, expected ${allowed.join(" or ")}`);
  },
};

const artifactStore: Check = {
  id: "codepipeline.artifact-store",
  title: "pipeline has one region-less artifact store on the stack's bucket and key",
  requires: PIPELINE,
  async run(ctx) {
    const pipeline = await getPipeline(ctx);
    if (!pipeline) return notFound(ctx.outputs);
    // A single-region pipeline comes back with `artifactStore`; `artifactStores` (keyed by region) means
    // the stores were declared with a region, the failure this kit exists to stop.
    if (pipeline.artifactStores && Object.keys(pipeline.artifactStores).length > 0) {
      return fail(
        `artifactStores is keyed by region (${Object.keys(pipeline.artifactStores).join(", ")}); declare one store without region`,
      );
    }
    const store = pipeline.artifactStore;
    if (!store) return fail("the pipeline has no artifact store");
    const problems: string[] = [];
    if (store.location !== ctx.outputs.artifactBucketName) {
      problems.push(`location is ${store.location}, expected ${ctx.outputs.artifactBucketName}`);
    }
    const key = store.encryptionKey?.id;
    if (!isStackKey(key, ctx.outputs)) problems.push(`encryption key is ${describeKey(key)}, expected ${ctx.outputs.kmsKeyArn}`);
    return problems.length === 0 ? pass(`S3 ${store.location}, key ${key}`) : fail(problems.join("; "));
  },
};

const deployTarget: Check = {
  id: "codepipeline.deploy-target",
  title: "deploy action targets the stack's ECS cluster and service",
  requires: PIPELINE,
  async run(ctx) {
    const pipeline = await getPipeline(ctx);
    if (!pipeline) return notFound(ctx.outputs);
    const deploy = pipeline.stages?.find((s) => s.name === "Deploy");
    const action = deploy?.actions?.find((a) => a.actionTypeId?.category === "Deploy" && a.actionTypeId.provider === "ECS");
    if (!action) return fail("no ECS deploy action in the Deploy stage");
    const { ClusterName: cluster, ServiceName: service } = action.configuration ?? {};
    const { clusterName, serviceName } = ctx.outputs;
    return cluster === clusterName && service === serviceName
      ? pass(`${cluster}/${service}`)
      : fail(`deploy action targets ${cluster}/${service}, but the stack's service is ${clusterName}/${serviceName}`);
  },
};

const latestExecution: Check = {
  id: "codepipeline.latest-execution",
  title: "latest pipeline execution",
  requires: PIPELINE,
  async run({ outputs, clients }) {
    const res = await call("codepipeline:ListPipelineExecutions", () =>
      clients.codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName: outputs.pipelineName, maxResults: 1 })),
    );
    const latest = res.pipelineExecutionSummaries?.[0];
    if (!latest) return info("no execution yet");
    const when = latest.lastUpdateTime ?? latest.startTime;
    return info(`${latest.status} (${latest.pipelineExecutionId}, ${when?.toISOString() ?? "time unknown"})`);
  },
};

export const codepipelineChecks: readonly Check[] = [pipelineV2, stages, artifactStore, deployTarget, latestExecution];
