import { GetPipelineCommand, ListPipelineExecutionsCommand, type PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { describeKey, isStackKey } from "../keys";
import { type Check, fail, info, pass } from "../types";
import { callCheck, callUnlessMissing, resourceChecks } from "./check";

const PIPELINE = "codepipeline.pipeline";

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

const pipelineChecks = resourceChecks<PipelineDeclaration>(
  async ({ outputs, clients }) => {
    const res = await callUnlessMissing("codepipeline:GetPipeline", "PipelineNotFoundException", () =>
      clients.codepipeline.send(new GetPipelineCommand({ name: outputs.pipelineName })),
    );
    return res?.pipeline;
  },
  (outputs) => `pipeline '${outputs.pipelineName}' not found`,
  [
    {
      id: PIPELINE,
      title: "pipeline exists and is type V2",
      judge: (pipeline) =>
        pipeline.pipelineType === "V2"
          ? pass(`'${pipeline.name}' is V2`)
          : fail(`pipelineType is ${pipeline.pipelineType ?? "V1 (unset)"}, expected V2`),
    },
    {
      id: "codepipeline.stages",
      title: "pipeline stages are in the expected order",
      requires: PIPELINE,
      judge(pipeline, outputs) {
        const actual = (pipeline.stages ?? []).map((s) => s.name).join(" > ");
        const allowed = expectedStageOrders(outputs.approvalRequired).map((order) => order.join(" > "));
        return allowed.includes(actual) ? pass(actual) : fail(`stages are ${actual || "(none)"}, expected ${allowed.join(" or ")}`);
      },
    },
    {
      id: "codepipeline.artifact-store",
      title: "pipeline has one region-less artifact store on the stack's bucket and key",
      requires: PIPELINE,
      judge(pipeline, outputs) {
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
        if (store.location !== outputs.artifactBucketName) {
          problems.push(`location is ${store.location}, expected ${outputs.artifactBucketName}`);
        }
        const key = store.encryptionKey?.id;
        if (!isStackKey(key, outputs)) problems.push(`encryption key is ${describeKey(key)}, expected ${outputs.kmsKeyArn}`);
        return problems.length === 0 ? pass(`S3 ${store.location}, key ${key}`) : fail(problems.join("; "));
      },
    },
    {
      id: "codepipeline.deploy-target",
      title: "deploy action targets the stack's ECS cluster and service",
      requires: PIPELINE,
      judge(pipeline, outputs) {
        const deploy = pipeline.stages?.find((s) => s.name === "Deploy");
        const action = deploy?.actions?.find((a) => a.actionTypeId?.category === "Deploy" && a.actionTypeId.provider === "ECS");
        if (!action) return fail("no ECS deploy action in the Deploy stage");
        const { ClusterName: cluster, ServiceName: service } = action.configuration ?? {};
        const { clusterName, serviceName } = outputs;
        return cluster === clusterName && service === serviceName
          ? pass(`${cluster}/${service}`)
          : fail(`deploy action targets ${cluster}/${service}, but the stack's service is ${clusterName}/${serviceName}`);
      },
    },
  ],
);

const latestExecution = callCheck({
  id: "codepipeline.latest-execution",
  title: "latest pipeline execution",
  requires: PIPELINE,
  operation: "codepipeline:ListPipelineExecutions",
  send: ({ outputs, clients }) =>
    clients.codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName: outputs.pipelineName, maxResults: 1 })),
  judge(res) {
    const latest = res.pipelineExecutionSummaries?.[0];
    if (!latest) return info("no execution yet");
    const when = latest.lastUpdateTime ?? latest.startTime;
    return info(`${latest.status} (${latest.pipelineExecutionId}, ${when?.toISOString() ?? "time unknown"})`);
  },
});

export const codepipelineChecks: readonly Check[] = [...pipelineChecks, latestExecution];
