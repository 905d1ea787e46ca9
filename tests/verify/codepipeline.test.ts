import { GetPipelineCommand, ListPipelineExecutionsCommand } from "@aws-sdk/client-codepipeline";
import { codepipelineChecks, expectedStageOrders } from "../../verify/checks/codepipeline";
import type { Check } from "../../verify/types";
import { awsError, healthyStack, mocks, outputs, pipelineDeclaration, runCheck } from "./stack-fixture";

const check = (id: string): Check => codepipelineChecks.find((c) => c.id === id) as Check;
type Pipeline = ReturnType<typeof pipelineDeclaration>;
const withPipeline = (change: (p: Pipeline) => object) =>
  mocks.codepipeline.on(GetPipelineCommand).resolves({ pipeline: change(pipelineDeclaration()) as Pipeline });

beforeEach(healthyStack);

describe("codepipeline checks on a healthy pipeline", () => {
  it.each(codepipelineChecks.filter((c) => c.id !== "codepipeline.latest-execution").map((c) => [c.id, c]))("%s passes", async (_id, c) => {
    expect(await runCheck(c)).toMatchObject({ status: "pass" });
  });
});

describe("a missing pipeline", () => {
  it.each(codepipelineChecks.filter((c) => c.id !== "codepipeline.latest-execution").map((c) => [c.id, c]))(
    "%s fails naming it",
    async (_id, c) => {
      mocks.codepipeline.on(GetPipelineCommand).rejects(awsError("PipelineNotFoundException"));
      expect(await runCheck(c)).toMatchObject({ status: "fail", detail: "pipeline 'app-pipeline' not found" });
    },
  );

  it("other GetPipeline errors keep their code", async () => {
    mocks.codepipeline.on(GetPipelineCommand).rejects(awsError("ThrottlingException", "Rate exceeded"));
    expect(await runCheck(check("codepipeline.pipeline"))).toMatchObject({
      detail: "codepipeline:GetPipeline failed: ThrottlingException: Rate exceeded",
    });
  });
});

describe("codepipeline.pipeline", () => {
  it.each([
    ["V1", "pipelineType is V1"],
    [undefined, "V1 (unset)"],
  ])("fails on type %s", async (pipelineType, text) => {
    withPipeline((p) => ({ ...p, pipelineType }));
    expect(await runCheck(check("codepipeline.pipeline"))).toMatchObject({ status: "fail", detail: expect.stringContaining(text) });
  });
});

describe("codepipeline.stages", () => {
  const stageNames = (names: string[]) => withPipeline((p) => ({ ...p, stages: names.map((name) => ({ name, actions: [] })) }));

  it("documents the allowed orders", () => {
    expect(expectedStageOrders(false)).toEqual([
      ["Source", "Build", "Deploy"],
      ["Source", "Build", "Test", "Deploy"],
    ]);
  });

  it("passes without a Test stage", async () => {
    stageNames(["Source", "Build", "Approval", "Deploy"]);
    expect(await runCheck(check("codepipeline.stages"))).toMatchObject({ status: "pass", detail: "Source > Build > Approval > Deploy" });
  });

  it("fails when approval is required but missing", async () => {
    stageNames(["Source", "Build", "Test", "Deploy"]);
    expect(await runCheck(check("codepipeline.stages"))).toMatchObject({
      status: "fail",
      detail: expect.stringContaining("stages are Source > Build > Test > Deploy"),
    });
  });

  it("fails when an approval stage exists but the stack says none is required", async () => {
    expect(await runCheck(check("codepipeline.stages"), { ...outputs, approvalRequired: false })).toMatchObject({ status: "fail" });
  });

  it("fails on Test after Approval", async () => {
    stageNames(["Source", "Build", "Approval", "Test", "Deploy"]);
    expect(await runCheck(check("codepipeline.stages"))).toMatchObject({ status: "fail" });
  });

  it("fails on a pipeline without stages", async () => {
    withPipeline((p) => ({ ...p, stages: undefined }));
    expect(await runCheck(check("codepipeline.stages"))).toMatchObject({
      status: "fail",
      detail: expect.stringContaining("stages are (none)"),
    });
  });
});

describe("codepipeline.artifact-store", () => {
  it("fails on region-keyed artifactStores", async () => {
    withPipeline(({ artifactStore, ...p }) => ({ ...p, artifactStores: { "us-east-1": artifactStore } }));
    expect(await runCheck(check("codepipeline.artifact-store"))).toMatchObject({
      status: "fail",
      detail: expect.stringContaining("artifactStores is keyed by region (us-east-1)"),
    });
  });

  it("fails without any store", async () => {
    withPipeline(({ artifactStore: _store, ...p }) => ({ ...p, artifactStores: {} }));
    expect(await runCheck(check("codepipeline.artifact-store"))).toMatchObject({
      status: "fail",
      detail: "the pipeline has no artifact store",
    });
  });

  it("fails on another bucket and no key", async () => {
    withPipeline((p) => ({ ...p, artifactStore: { type: "S3", location: "other-bucket" } }));
    expect(await runCheck(check("codepipeline.artifact-store"))).toMatchObject({
      status: "fail",
      detail:
        "location is other-bucket, expected pipeline-artifacts-dev; encryption key is no key (AWS managed), expected " + outputs.kmsKeyArn,
    });
  });
});

describe("codepipeline.deploy-target", () => {
  it("fails on literal names that are not the stack's (known failure #7)", async () => {
    withPipeline((p) => {
      const deploy = p.stages[4];
      return {
        ...p,
        stages: [
          ...p.stages.slice(0, 4),
          { ...deploy, actions: [{ ...deploy.actions[0], configuration: { ClusterName: "app-cluster", ServiceName: "app-service" } }] },
        ],
      };
    });
    expect(await runCheck(check("codepipeline.deploy-target"))).toMatchObject({
      status: "fail",
      detail: "deploy action targets app-cluster/app-service, but the stack's service is app-cluster-1a2b/app-service-3c4d",
    });
  });

  it("fails when the deploy action has no configuration", async () => {
    withPipeline((p) => {
      const deploy = p.stages[4];
      return { ...p, stages: [...p.stages.slice(0, 4), { ...deploy, actions: [{ ...deploy.actions[0], configuration: undefined }] }] };
    });
    expect(await runCheck(check("codepipeline.deploy-target"))).toMatchObject({
      status: "fail",
      detail: expect.stringContaining("targets undefined/undefined"),
    });
  });

  it.each([
    ["no Deploy stage", (p: Pipeline) => ({ ...p, stages: p.stages.slice(0, 4) })],
    ["a Deploy stage without actions", (p: Pipeline) => ({ ...p, stages: [...p.stages.slice(0, 4), { name: "Deploy" }] })],
    [
      "a CodeDeploy action",
      (p: Pipeline) => ({
        ...p,
        stages: [
          ...p.stages.slice(0, 4),
          {
            name: "Deploy",
            actions: [
              { name: "d", actionTypeId: { category: "Deploy", owner: "AWS", provider: "CodeDeploy", version: "1" } },
              { name: "x" },
            ],
          },
        ],
      }),
    ],
  ])("fails with %s", async (_label, change) => {
    withPipeline(change);
    expect(await runCheck(check("codepipeline.deploy-target"))).toMatchObject({
      status: "fail",
      detail: "no ECS deploy action in the Deploy stage",
    });
  });
});

describe("codepipeline.latest-execution", () => {
  const latest = check("codepipeline.latest-execution");

  it("reports the latest execution as info", async () => {
    expect(await runCheck(latest)).toEqual({
      id: "codepipeline.latest-execution",
      title: latest.title,
      status: "info",
      detail: "Succeeded (exec-1, 2026-11-24T20:12:00.000Z)",
    });
  });

  it("falls back to the start time, then to 'time unknown'", async () => {
    mocks.codepipeline.on(ListPipelineExecutionsCommand).resolves({
      pipelineExecutionSummaries: [{ pipelineExecutionId: "exec-2", status: "Failed", startTime: new Date("2026-11-24T21:00:00Z") }],
    });
    expect(await runCheck(latest)).toMatchObject({ status: "info", detail: "Failed (exec-2, 2026-11-24T21:00:00.000Z)" });
    mocks.codepipeline
      .on(ListPipelineExecutionsCommand)
      .resolves({ pipelineExecutionSummaries: [{ pipelineExecutionId: "exec-3", status: "InProgress" }] });
    expect(await runCheck(latest)).toMatchObject({ detail: "InProgress (exec-3, time unknown)" });
  });

  it("says when there is no execution yet", async () => {
    mocks.codepipeline.on(ListPipelineExecutionsCommand).resolves({});
    expect(await runCheck(latest)).toMatchObject({ status: "info", detail: "no execution yet" });
  });

  it("fails only when the API call fails", async () => {
    mocks.codepipeline.on(ListPipelineExecutionsCommand).rejects(awsError("AccessDeniedException"));
    expect(await runCheck(latest)).toMatchObject({
      status: "fail",
      detail: expect.stringContaining("access denied for codepipeline:ListPipelineExecutions"),
    });
  });
});
