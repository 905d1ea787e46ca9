// The delivery side: build projects, the pipeline and its connection, failure notifications.
import * as yaml from "js-yaml";
import {
  asList,
  json,
  ofType,
  runProgram,
  single,
  singleOf,
  stackFileConfig,
  statementsOf,
  type ProgramRun,
  type RecordedResource,
} from "./harness";

type Action = {
  name: string;
  category: string;
  owner: string;
  provider: string;
  configuration?: Record<string, string>;
  inputArtifacts?: string[];
  outputArtifacts?: string[];
};
type Stage = { name: string; actions: Action[] };

let dev: ProgramRun;
let prod: ProgramRun;
beforeAll(async () => {
  dev = await runProgram("dev", stackFileConfig("dev"));
  prod = await runProgram("prod", stackFileConfig("prod"));
});

const named = (run: ProgramRun, type: string, name: string): RecordedResource | undefined => ofType(run, type).find((r) => r.name === name);
const stagesOf = (run: ProgramRun): Stage[] => single(run, "aws:codepipeline/pipeline:Pipeline").inputs.stages as Stage[];
const actionsOf = (run: ProgramRun): Action[] => stagesOf(run).flatMap((s) => s.actions);

describe("BuildProject", () => {
  const project = (name: string): Record<string, unknown> => named(dev, "aws:codebuild/project:Project", name)?.inputs ?? {};

  test("only the image build is privileged, and it states why; both are encrypted with the stack key", () => {
    const keyArn = single(dev, "aws:kms/key:Key").state.arn;
    const REASON = "compliance:privileged-reason";
    expect(project("dev-build-project")).toMatchObject({ encryptionKey: keyArn, environment: { privilegedMode: true } });
    expect((project("dev-build-project").tags as Record<string, string>)[REASON]).toMatch(/docker/);
    expect(project("dev-test-project")).toMatchObject({ encryptionKey: keyArn, environment: { privilegedMode: false } });
    expect(project("dev-test-project").tags).not.toHaveProperty([REASON]);
  });

  test("each project logs to its own log group, created by the stack, encrypted, with the configured retention", () => {
    const groups = ofType(dev, "aws:cloudwatch/logGroup:LogGroup");
    for (const [projectName, groupName] of [
      ["dev-build-project", "dev-build-logs"],
      ["dev-test-project", "dev-test-logs"],
    ]) {
      const group = groups.find((g) => g.name === groupName);
      expect(project(projectName).logsConfig).toMatchObject({ cloudwatchLogs: { status: "ENABLED", groupName: group?.state.name } });
      expect(group?.inputs).toMatchObject({ retentionInDays: 7, kmsKeyId: single(dev, "aws:kms/key:Key").state.arn });
    }
    expect(named(dev, "aws:cloudwatch/logGroup:LogGroup", "dev-build-logs")?.state.name).toBe(
      "/pipeline-compliance-kit/dev/codebuild/build",
    );
  });

  test("environment variables are plain text and carry nothing secret", () => {
    const variables = ofType(dev, "aws:codebuild/project:Project").flatMap(
      (p) =>
        (p.inputs.environment as { environmentVariables?: { name: string; value: unknown; type: string }[] }).environmentVariables ?? [],
    );
    expect(variables).toEqual([
      { name: "REPOSITORY_URI", value: single(dev, "aws:ecr/repository:Repository").state.repositoryUrl, type: "PLAINTEXT" },
      { name: "CONTAINER_NAME", value: "app", type: "PLAINTEXT" },
    ]);
  });

  test("the build pushes to the repository and writes the file the deploy action reads", () => {
    const buildspec = yaml.load((project("dev-build-project").source as { buildspec: string }).buildspec) as {
      version: number;
      phases: Record<string, { commands: string[] }>;
      artifacts: { files: string[] };
    };
    expect(buildspec.version).toBe(0.2);
    expect(buildspec.phases.build.commands).toContain('docker push "$REPOSITORY_URI:$IMAGE_TAG"');
    expect(buildspec.phases.post_build.commands.join("\n")).toContain("> imagedefinitions.json");
    expect(buildspec.artifacts.files).toEqual(["imagedefinitions.json"]);
    expect(yaml.load((project("dev-test-project").source as { buildspec: string }).buildspec)).toMatchObject({ version: 0.2 });
    const deploy = actionsOf(dev).find((a) => a.category === "Deploy");
    expect(deploy?.configuration?.FileName).toBe("imagedefinitions.json");
  });
});

describe("DeliveryPipeline", () => {
  test("a GitHub connection (CodeConnections), not an OAuth token", () => {
    expect(single(dev, "aws:codeconnections/connection:Connection").inputs).toMatchObject({
      providerType: "GitHub",
      name: "pipeline-compliance-kit-dev",
    });
    expect(JSON.stringify(stagesOf(dev))).not.toMatch(/OAuthToken|ThirdParty/);
  });

  test("the pipeline may use a connection of its account and region only to read the configured repository", () => {
    const policy = named(dev, "aws:iam/rolePolicy:RolePolicy", "dev-pipeline-policy")?.inputs.policy;
    const statements = statementsOf(policy).filter((s) => asList(s.Action).some((a) => a.endsWith(":UseConnection")));
    const resource = "arn:aws:codeconnections:us-east-1:123456789012:connection/*";
    expect(statements).toEqual([
      expect.objectContaining({
        Action: "codeconnections:UseConnection",
        Resource: resource,
        Condition: { StringEquals: { "codeconnections:FullRepositoryId": ["example-org/sample-service"] } },
      }),
      expect.objectContaining({
        Action: "codestar-connections:UseConnection",
        Resource: resource,
        Condition: { StringEquals: { "codestar-connections:FullRepositoryId": ["example-org/sample-service"] } },
      }),
    ]);
  });

  test("a V2 pipeline with one KMS-encrypted artifact store in the bucket, without region", () => {
    const pipeline = single(dev, "aws:codepipeline/pipeline:Pipeline").inputs;
    expect(pipeline.pipelineType).toBe("V2");
    expect(pipeline.artifactStore).toBeUndefined();
    expect(pipeline.artifactStores).toEqual([
      {
        location: singleOf(dev, "aws:s3/bucket:Bucket", "dev-artifacts-").state.bucket,
        type: "S3",
        encryptionKey: { id: single(dev, "aws:kms/key:Key").state.arn, type: "KMS" },
      },
    ]);
    expect(pipeline.roleArn).toBe(named(dev, "aws:iam/role:Role", "dev-pipeline-role")?.state.arn);
  });

  test("the source action uses the connection, the stack file's repository and branch, and a matching push trigger", () => {
    const [source] = stagesOf(dev);
    expect(source.actions).toEqual([
      expect.objectContaining({
        category: "Source",
        owner: "AWS",
        provider: "CodeStarSourceConnection",
        configuration: {
          ConnectionArn: single(dev, "aws:codeconnections/connection:Connection").state.arn,
          FullRepositoryId: "example-org/sample-service",
          BranchName: "develop",
          OutputArtifactFormat: "CODE_ZIP",
        },
      }),
    ]);
    expect(single(dev, "aws:codepipeline/pipeline:Pipeline").inputs.triggers).toEqual([
      {
        providerType: "CodeStarSourceConnection",
        gitConfiguration: { sourceActionName: source.actions[0].name, pushes: [{ branches: { includes: ["develop"] } }] },
      },
    ]);
  });

  test("build and test actions run this stack's projects", () => {
    const projectName = (name: string): unknown => named(dev, "aws:codebuild/project:Project", name)?.state.name;
    expect(
      actionsOf(dev)
        .filter((a) => a.provider === "CodeBuild")
        .map((a) => a.configuration?.ProjectName),
    ).toEqual([projectName("dev-build-project"), projectName("dev-test-project")]);
  });

  test("the deploy action names this stack's cluster and service", () => {
    for (const run of [dev, prod]) {
      const deploy = actionsOf(run).filter((a) => a.category === "Deploy");
      expect(deploy).toEqual([expect.objectContaining({ provider: "ECS", owner: "AWS" })]);
      expect(deploy[0].configuration).toMatchObject({
        ClusterName: single(run, "aws:ecs/cluster:Cluster").state.name,
        ServiceName: single(run, "aws:ecs/service:Service").state.name,
      });
    }
  });

  test("every input artifact comes from an earlier stage; source actions only in the first", () => {
    for (const run of [dev, prod]) {
      const produced = new Set<string>();
      stagesOf(run).forEach((stage, index) => {
        for (const action of stage.actions) {
          expect(action.category === "Source").toBe(index === 0);
          for (const input of action.inputArtifacts ?? []) expect(produced).toContain(input);
        }
        stage.actions.flatMap((a) => a.outputArtifacts ?? []).forEach((o) => produced.add(o));
      });
    }
  });

  test("a manual approval stage precedes Deploy in prod and is absent in dev", () => {
    expect(stagesOf(dev).map((s) => s.name)).toEqual(["Source", "Build", "Test", "Deploy"]);
    expect(stagesOf(prod).map((s) => s.name)).toEqual(["Source", "Build", "Test", "Approval", "Deploy"]);
    expect(stagesOf(prod)[3].actions).toEqual([expect.objectContaining({ category: "Approval", owner: "AWS", provider: "Manual" })]);
  });
});

describe("FailureNotifications", () => {
  type Pattern = { source: string[]; "detail-type": string[]; resources: string[]; detail: { pipeline: string[]; state: string[] } };

  test("the topic is encrypted with the stack key", () => {
    expect(single(dev, "aws:sns/topic:Topic").inputs.kmsMasterKeyId).toBe(single(dev, "aws:kms/key:Key").state.arn);
  });

  test("one rule, matching only this pipeline's FAILED executions, targets the topic; no CodeCommit rule", () => {
    const rules = ofType(dev, "aws:cloudwatch/eventRule:EventRule");
    expect(rules).toHaveLength(1);
    const pipeline = single(dev, "aws:codepipeline/pipeline:Pipeline").state;
    expect(json<Pattern>(rules[0].inputs.eventPattern)).toEqual({
      source: ["aws.codepipeline"],
      "detail-type": ["CodePipeline Pipeline Execution State Change"],
      resources: [pipeline.arn],
      detail: { pipeline: [pipeline.name], state: ["FAILED"] },
    });
    expect(single(dev, "aws:cloudwatch/eventTarget:EventTarget").inputs).toMatchObject({
      rule: rules[0].state.name,
      arn: single(dev, "aws:sns/topic:Topic").state.arn,
    });
    expect(JSON.stringify(ofType(dev, "aws:cloudwatch/eventRule:EventRule").map((r) => r.inputs))).not.toContain("codecommit");
  });

  test("only EventBridge may publish, and only for this rule in this account", () => {
    const policy = single(dev, "aws:sns/topicPolicy:TopicPolicy").inputs;
    const topicArn = single(dev, "aws:sns/topic:Topic").state.arn;
    expect(policy.arn).toBe(topicArn);
    expect(json<{ Statement: unknown[] }>(policy.policy).Statement).toEqual([
      {
        Sid: "OnlyThisRulePublishes",
        Effect: "Allow",
        Principal: { Service: "events.amazonaws.com" },
        Action: "sns:Publish",
        Resource: topicArn,
        Condition: {
          ArnEquals: { "aws:SourceArn": single(dev, "aws:cloudwatch/eventRule:EventRule").state.arn },
          StringEquals: { "aws:SourceAccount": "123456789012" },
        },
      },
    ]);
  });

  test("the email subscription exists only where the stack file sets an address", () => {
    expect(ofType(dev, "aws:sns/topicSubscription:TopicSubscription")).toEqual([]);
    expect(single(prod, "aws:sns/topicSubscription:TopicSubscription").inputs).toEqual({
      topic: single(prod, "aws:sns/topic:Topic").state.arn,
      protocol: "email",
      endpoint: "oncall@example.com",
    });
  });
});
