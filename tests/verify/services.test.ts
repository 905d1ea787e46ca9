import { DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { BatchGetProjectsCommand } from "@aws-sdk/client-codebuild";
import { GetConnectionCommand } from "@aws-sdk/client-codestar-connections";
import { DescribeRepositoriesCommand } from "@aws-sdk/client-ecr";
import { DescribeServicesCommand } from "@aws-sdk/client-ecs";
import { DescribeRuleCommand, ListTargetsByRuleCommand } from "@aws-sdk/client-eventbridge";
import { GetKeyRotationStatusCommand } from "@aws-sdk/client-kms";
import { GetTopicAttributesCommand } from "@aws-sdk/client-sns";
import { allChecks } from "../../verify/checks";
import { matchesPipelineFailure } from "../../verify/checks/eventbridge";
import type { Check } from "../../verify/types";
import { awsError, healthyStack, KEY_ARN, mocks, outputs, runCheck } from "./stack-fixture";

const check = (id: string): Check => allChecks.find((c) => c.id === id) as Check;
const SERVICE_CHECKS = allChecks.filter((c) => !c.id.startsWith("s3.") && !c.id.startsWith("codepipeline."));

beforeEach(healthyStack);

it("every check has a unique id", () => {
  expect(new Set(allChecks.map((c) => c.id)).size).toBe(allChecks.length);
});

describe("service checks on a healthy stack", () => {
  it.each(SERVICE_CHECKS.map((c) => [c.id, c]))("%s passes", async (_id, c) => {
    expect(await runCheck(c)).toMatchObject({ status: "pass" });
  });
});

describe("ecr", () => {
  const repository = (repo: object) =>
    mocks.ecr.on(DescribeRepositoriesCommand).resolves({ repositories: [{ repositoryName: "app", ...repo }] });

  it("fails on mutable tags without scanning", async () => {
    repository({ imageTagMutability: "MUTABLE", encryptionConfiguration: { encryptionType: "KMS", kmsKey: KEY_ARN } });
    expect(await runCheck(check("ecr.repository"))).toMatchObject({
      status: "fail",
      detail: "scanOnPush is off; imageTagMutability is MUTABLE, expected IMMUTABLE",
    });
  });

  it.each([
    [{ encryptionType: "AES256" }, "encryptionType is AES256"],
    [undefined, "encryptionType is unset"],
    [{ encryptionType: "KMS" }, "KMS with no key (AWS managed)"],
  ])("encryption fails with %j", async (encryptionConfiguration, text) => {
    repository({ encryptionConfiguration });
    expect(await runCheck(check("ecr.encryption"))).toMatchObject({ status: "fail", detail: expect.stringContaining(text) });
  });

  it.each([["ecr.repository"], ["ecr.encryption"]])("%s fails when the repository does not exist", async (id) => {
    mocks.ecr.on(DescribeRepositoriesCommand).rejects(awsError("RepositoryNotFoundException"));
    expect(await runCheck(check(id))).toMatchObject({ status: "fail", detail: "repository 'app' not found" });
  });

  it("fails when the call returns no repository, and keeps other error codes", async () => {
    mocks.ecr.on(DescribeRepositoriesCommand).resolves({});
    expect(await runCheck(check("ecr.repository"))).toMatchObject({ status: "fail", detail: "repository 'app' not found" });
    mocks.ecr.on(DescribeRepositoriesCommand).rejects(awsError("ServerException", "boom"));
    expect(await runCheck(check("ecr.repository"))).toMatchObject({
      status: "fail",
      detail: "ecr:DescribeRepositories failed: ServerException: boom",
    });
  });
});

describe("codebuild", () => {
  it("fails on the default log group and the AWS managed key", async () => {
    mocks.codebuild.on(BatchGetProjectsCommand).resolves({ projects: [{ name: "app-build" }] });
    expect(await runCheck(check("codebuild.build-project"))).toMatchObject({
      status: "fail",
      detail: `logs go to the default group, expected /aws/codebuild/app-build; encryptionKey is no key (AWS managed), expected ${KEY_ARN}`,
    });
  });

  it("fails on another log group", async () => {
    expect(await runCheck(check("codebuild.test-project"), { ...outputs, testLogGroupName: "/pipeline/test" })).toMatchObject({
      status: "fail",
      detail: "logs go to /aws/codebuild/app-test, expected /pipeline/test",
    });
  });

  it("fails when the project is missing", async () => {
    mocks.codebuild.on(BatchGetProjectsCommand).resolves({ projectsNotFound: ["app-test"] });
    expect(await runCheck(check("codebuild.test-project"))).toMatchObject({ status: "fail", detail: "project 'app-test' not found" });
  });
});

describe("connections.status", () => {
  const status = (ConnectionStatus?: "AVAILABLE" | "PENDING" | "ERROR", ConnectionName?: string) =>
    mocks.connections.on(GetConnectionCommand).resolves({ Connection: { ConnectionStatus, ConnectionName } });

  it("PENDING fails with the console steps to finish the handshake", async () => {
    status("PENDING", "github");
    expect(await runCheck(check("connections.status"))).toMatchObject({
      status: "fail",
      detail:
        "connection is PENDING: complete the handshake in the AWS console: Developer Tools > Settings > Connections > github > Update pending connection",
    });
  });

  it("PENDING without a name points at the ARN", async () => {
    status("PENDING");
    expect(await runCheck(check("connections.status"))).toMatchObject({
      detail: expect.stringContaining(`Connections > ${outputs.connectionArn} >`),
    });
  });

  it.each([["ERROR"], [undefined]] as const)("status %s fails", async (value) => {
    status(value, "github");
    expect(await runCheck(check("connections.status"))).toMatchObject({
      status: "fail",
      detail: expect.stringContaining(`connection status is ${value ?? "unknown"}`),
    });
  });

  it("sends the stack's codeconnections ARN", async () => {
    await runCheck(check("connections.status"));
    expect(mocks.connections.commandCalls(GetConnectionCommand)[0].args[0].input).toEqual({ ConnectionArn: outputs.connectionArn });
  });
});

describe("ecs.service", () => {
  const service = (s: object) => mocks.ecs.on(DescribeServicesCommand).resolves({ services: [{ serviceName: outputs.serviceName, ...s }] });

  it.each([
    [{ status: "DRAINING", runningCount: 1, desiredCount: 1 }, "service status is DRAINING, expected ACTIVE"],
    [{ status: "ACTIVE" }, "desiredCount is 0; the service runs no task"],
    [{ status: "ACTIVE", runningCount: 1, desiredCount: 2 }, "1/2 tasks running; see the service's events and /ecs/app"],
  ])("fails on %j", async (s, detail) => {
    service(s);
    expect(await runCheck(check("ecs.service"))).toMatchObject({ status: "fail", detail });
  });

  it("fails with the API's reason when the service is missing", async () => {
    mocks.ecs.on(DescribeServicesCommand).resolves({ services: [], failures: [{ arn: "x", reason: "MISSING" }] });
    expect(await runCheck(check("ecs.service"))).toMatchObject({
      status: "fail",
      detail: "service 'app-service-3c4d' in cluster 'app-cluster-1a2b': MISSING",
    });
    mocks.ecs.on(DescribeServicesCommand).resolves({});
    expect(await runCheck(check("ecs.service"))).toMatchObject({ status: "fail", detail: expect.stringContaining("not returned") });
  });
});

describe("kms.rotation", () => {
  it("fails when rotation is off", async () => {
    mocks.kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: false });
    expect(await runCheck(check("kms.rotation"))).toMatchObject({
      status: "fail",
      detail: expect.stringContaining("rotation is off on alias/pipeline-dev"),
    });
  });
});

describe("log groups", () => {
  it.each([["logs.build"], ["logs.test"], ["logs.ecs"]])("%s fails without retention or key", async (id) => {
    mocks.logs
      .on(DescribeLogGroupsCommand)
      .callsFake((input: { logGroupNamePrefix: string }) => ({ logGroups: [{ logGroupName: input.logGroupNamePrefix }] }));
    expect(await runCheck(check(id))).toMatchObject({
      status: "fail",
      detail: `no retention (logs kept forever); key is no key (AWS managed), expected ${KEY_ARN}`,
    });
  });

  it("fails when only a longer-named group exists", async () => {
    mocks.logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [{ logGroupName: "/ecs/app-old", retentionInDays: 7 }] });
    expect(await runCheck(check("logs.ecs"))).toMatchObject({ status: "fail", detail: "log group '/ecs/app' not found" });
    mocks.logs.on(DescribeLogGroupsCommand).resolves({});
    expect(await runCheck(check("logs.ecs"))).toMatchObject({ status: "fail" });
  });
});

describe("events.failure-rule", () => {
  it("fails on a CodeCommit rule that is disabled and targets nothing (known failure #6)", async () => {
    mocks.events.on(DescribeRuleCommand).resolves({
      State: "DISABLED",
      EventPattern: JSON.stringify({ source: ["aws.codecommit"], "detail-type": ["CodeCommit Repository State Change"] }),
    });
    mocks.events.on(ListTargetsByRuleCommand).resolves({});
    const result = await runCheck(check("events.failure-rule"));
    expect(result.status).toBe("fail");
    expect(result.detail).toContain("rule state is DISABLED");
    expect(result.detail).toContain("does not match source aws.codepipeline");
    expect(result.detail).toContain(`no target is ${outputs.notificationTopicArn}`);
  });

  it("matches only source aws.codepipeline with state FAILED", () => {
    expect(matchesPipelineFailure(undefined)).toBe(false);
    expect(matchesPipelineFailure(JSON.stringify({ source: ["aws.codepipeline"], detail: { state: ["SUCCEEDED"] } }))).toBe(false);
    expect(matchesPipelineFailure(JSON.stringify({ source: "aws.codepipeline", detail: { state: ["FAILED"] } }))).toBe(false);
    expect(matchesPipelineFailure(JSON.stringify({ source: ["aws.codepipeline"] }))).toBe(false);
    expect(matchesPipelineFailure(JSON.stringify({ source: ["aws.codepipeline"], detail: { state: ["FAILED"] } }))).toBe(true);
  });
});

describe("sns.topic-encryption", () => {
  it.each([[{ TopicArn: outputs.notificationTopicArn }], [undefined]])("fails without a KMS key (%j)", async (Attributes) => {
    mocks.sns.on(GetTopicAttributesCommand).resolves({ Attributes });
    expect(await runCheck(check("sns.topic-encryption"))).toMatchObject({
      status: "fail",
      detail: expect.stringContaining("no KmsMasterKeyId"),
    });
  });
});
