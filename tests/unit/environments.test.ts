// The program as a whole, for each stack file: what differs between environments, the stack outputs,
// the component tree, tags, and robustness to unknown values and to bad configuration.
import * as fs from "fs";
import * as path from "path";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PROJECT, ofType, runProgram, single, stackFileConfig, tagsOf, type ProgramRun } from "./harness";

const UNKNOWN = pulumi.runtime.unknownValue;

const STACKS = ["dev", "staging", "prod"] as const;
const runs: Record<string, ProgramRun> = {};
beforeAll(async () => {
  for (const stack of STACKS) runs[stack] = await runProgram(stack, stackFileConfig(stack));
});

const COMPONENTS = [
  "ArtifactBucket",
  "ArtifactBucket",
  "BuildProject",
  "BuildProject",
  "ContainerService",
  "DeliveryPipeline",
  "EncryptionKey",
  "FailureNotifications",
  "ImageRepository",
  "Network",
];

describe("environments differ only where their stack files say", () => {
  const facts = (run: ProgramRun): Record<string, unknown> => ({
    approvalStage: (single(run, "aws:codepipeline/pipeline:Pipeline").inputs.stages as { name: string }[]).some(
      (s) => s.name === "Approval",
    ),
    desiredCount: single(run, "aws:ecs/service:Service").inputs.desiredCount,
    taskSize: [
      single(run, "aws:ecs/taskDefinition:TaskDefinition").inputs.cpu,
      single(run, "aws:ecs/taskDefinition:TaskDefinition").inputs.memory,
    ],
    retention: [...new Set(ofType(run, "aws:cloudwatch/logGroup:LogGroup").map((g) => g.inputs.retentionInDays))],
    albDeletionProtection: single(run, "aws:lb/loadBalancer:LoadBalancer").inputs.enableDeletionProtection,
    bucketForceDestroy: [...new Set(ofType(run, "aws:s3/bucket:Bucket").map((b) => b.inputs.forceDestroy))],
    ecrForceDelete: single(run, "aws:ecr/repository:Repository").inputs.forceDelete,
    kmsDeletionWindow: single(run, "aws:kms/key:Key").inputs.deletionWindowInDays,
    emailSubscriptions: ofType(run, "aws:sns/topicSubscription:TopicSubscription").length,
    branch: (
      single(run, "aws:codepipeline/pipeline:Pipeline").inputs.stages as { actions: { configuration: Record<string, string> }[] }[]
    )[0].actions[0].configuration.BranchName,
    approvalOutput: run.outputs.approvalRequired,
  });

  test.each([
    [
      "dev",
      {
        approvalStage: false,
        desiredCount: 1,
        taskSize: ["256", "512"],
        retention: [7],
        albDeletionProtection: false,
        bucketForceDestroy: [true],
        ecrForceDelete: true,
        kmsDeletionWindow: 7,
        emailSubscriptions: 0,
        branch: "develop",
        approvalOutput: false,
      },
    ],
    [
      "staging",
      {
        approvalStage: false,
        desiredCount: 2,
        taskSize: ["512", "1024"],
        retention: [30],
        albDeletionProtection: false,
        bucketForceDestroy: [true],
        ecrForceDelete: true,
        kmsDeletionWindow: 14,
        emailSubscriptions: 0,
        branch: "main",
        approvalOutput: false,
      },
    ],
    [
      "prod",
      {
        approvalStage: true,
        desiredCount: 3,
        taskSize: ["512", "1024"],
        retention: [365],
        albDeletionProtection: true,
        bucketForceDestroy: [false],
        ecrForceDelete: false,
        kmsDeletionWindow: 30,
        emailSubscriptions: 1,
        branch: "main",
        approvalOutput: true,
      },
    ],
  ])("%s", (stack, expected) => {
    expect(facts(runs[stack])).toEqual(expected);
  });

  test("resource counts: 10 components and 65 resources (log bucket, HTTPS and redirecting HTTP listeners); prod adds the email subscription", () => {
    const count = (run: ProgramRun): [number, number] => [
      run.resources.filter((r) => r.type.startsWith(`${PROJECT}:`)).length,
      run.resources.filter((r) => r.type.startsWith("aws:")).length,
    ];
    expect(count(runs.dev)).toEqual([10, 65]);
    expect(count(runs.staging)).toEqual([10, 65]);
    expect(count(runs.prod)).toEqual([10, 66]);
  });
});

describe("stack outputs", () => {
  // docs/architecture.md, "Stack outputs": the verifier, the live suite and the docs rely on these names.
  const section = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "architecture.md"), "utf8").split("\n## Stack outputs")[1];
  const CONTRACT = Array.from(section.matchAll(/`(\w+)`/g), (m) => m[1]);

  test("the contract lists the twenty outputs, `approvalRequired` last", () => {
    expect(CONTRACT).toHaveLength(20);
    expect(CONTRACT.slice(0, 2)).toEqual(["region", "kmsKeyArn"]);
    expect(CONTRACT[19]).toBe("approvalRequired");
  });

  test("exactly the documented names", () => {
    expect(Object.keys(runs.dev.outputs).sort()).toEqual([...CONTRACT].sort());
  });

  test("each output is the value of the resource it names", () => {
    const run = runs.prod;
    const state = (type: string, name?: string) =>
      (name === undefined ? single(run, type) : ofType(run, type).find((r) => r.name === name))?.state ?? {};
    const pipelineName = state("aws:codepipeline/pipeline:Pipeline").name;
    expect(run.outputs).toEqual({
      region: "us-east-1",
      kmsKeyArn: state("aws:kms/key:Key").arn,
      kmsKeyAlias: "alias/pipeline-compliance-kit-prod",
      artifactBucketName: state("aws:s3/bucket:Bucket", "prod-artifacts-bucket").bucket,
      ecrRepositoryName: state("aws:ecr/repository:Repository").name,
      ecrRepositoryUrl: state("aws:ecr/repository:Repository").repositoryUrl,
      connectionArn: state("aws:codeconnections/connection:Connection").arn,
      buildProjectName: state("aws:codebuild/project:Project", "prod-build-project").name,
      testProjectName: state("aws:codebuild/project:Project", "prod-test-project").name,
      buildLogGroupName: "/pipeline-compliance-kit/prod/codebuild/build",
      testLogGroupName: "/pipeline-compliance-kit/prod/codebuild/test",
      pipelineName,
      pipelineConsoleUrl: `https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/${String(pipelineName)}/view?region=us-east-1`,
      clusterName: state("aws:ecs/cluster:Cluster").name,
      serviceName: state("aws:ecs/service:Service").name,
      serviceUrl: `https://${String(state("aws:lb/loadBalancer:LoadBalancer").dnsName)}`,
      ecsLogGroupName: "/pipeline-compliance-kit/prod/ecs/app",
      notificationTopicArn: state("aws:sns/topic:Topic").arn,
      pipelineFailureRuleName: state("aws:cloudwatch/eventRule:EventRule").name,
      approvalRequired: true,
    });
  });
});

describe("component tree", () => {
  test("the components sit at the stack's root and every AWS resource is a child of one of them", () => {
    const run = runs.dev;
    const components = run.resources.filter((r) => r.type.startsWith(`${PROJECT}:components:`));
    expect(components.map((c) => c.type.split(":")[2]).sort()).toEqual(COMPONENTS);
    expect(components.map((c) => c.parentUrn)).toEqual(components.map(() => ""));
    const componentUrns = components.map((c) => c.urn);
    const orphans = run.resources.filter((r) => r.type.startsWith("aws:") && !componentUrns.includes(r.parentUrn));
    expect(orphans.map((r) => r.name)).toEqual([]);
  });

  test("children belong to the component that owns their concern", () => {
    const parentType = (type: string): string[] => [...new Set(ofType(runs.dev, type).map((r) => r.parentUrn.split("::")[2]))];
    expect(parentType("aws:s3/bucketPolicy:BucketPolicy")).toEqual([`${PROJECT}:components:ArtifactBucket`]);
    expect(parentType("aws:kms/alias:Alias")).toEqual([`${PROJECT}:components:EncryptionKey`]);
    expect(parentType("aws:codebuild/project:Project")).toEqual([`${PROJECT}:components:BuildProject`]);
    expect(parentType("aws:ecs/service:Service")).toEqual([`${PROJECT}:components:ContainerService`]);
    expect(parentType("aws:codeconnections/connection:Connection")).toEqual([`${PROJECT}:components:DeliveryPipeline`]);
    expect(parentType("aws:cloudwatch/eventRule:EventRule")).toEqual([`${PROJECT}:components:FailureNotifications`]);
    expect(parentType("aws:ec2/natGateway:NatGateway")).toEqual([`${PROJECT}:components:Network`]);
  });
});

describe("tags", () => {
  // A type is taggable when its SDK class forwards a `tags` input; reading that from the SDK keeps the
  // test honest when a resource is added.
  const taggable = (type: string): boolean => {
    const [, module, className] = /^aws:([^/]+)\/[^:]+:(.+)$/.exec(type) ?? [];
    const namespace = (aws as unknown as Record<string, Record<string, unknown>>)[module];
    return String(namespace[className]).includes('resourceInputs["tags"]');
  };

  test.each(STACKS)("every taggable resource of %s carries project, environment and managed-by", (stack) => {
    const resources = runs[stack].resources.filter((r) => r.type.startsWith("aws:") && taggable(r.type));
    expect(resources.length).toBeGreaterThan(30);
    const untagged = resources.filter((r) => {
      const tags = (r.inputs.tags ?? {}) as Record<string, string>;
      return Object.entries(tagsOf(stack)).some(([k, v]) => tags[k] !== v);
    });
    expect(untagged.map((r) => r.name)).toEqual([]);
  });

  test("the taggability probe tells taggable from untaggable types", () => {
    expect(taggable("aws:s3/bucket:Bucket")).toBe(true);
    expect(taggable("aws:s3/bucketVersioning:BucketVersioning")).toBe(false);
  });
});

describe("robustness", () => {
  test("with every computed value unknown (a first preview) the program registers the same resources", async () => {
    const unknown = await runProgram("dev", stackFileConfig("dev"), { unknownComputed: true });
    expect(unknown.resources.map((r) => `${r.type}::${r.name}`).sort()).toEqual(
      runs.dev.resources.map((r) => `${r.type}::${r.name}`).sort(),
    );
    expect(unknown.invokes.sort()).toEqual(["aws:index/getCallerIdentity:getCallerIdentity", "aws:index/getPartition:getPartition"]);
  });

  // A policy gate reads these during `pulumi preview`; built from physical names and invoke results they
  // are known then, and identical to what the update deploys.
  test.each(STACKS)(
    "in a first preview of %s every policy document, the container definitions and the event pattern are known",
    async (stack) => {
      const DOCUMENTS: Record<string, string> = {
        "aws:iam/rolePolicy:RolePolicy": "policy",
        "aws:iam/role:Role": "assumeRolePolicy",
        "aws:kms/key:Key": "policy",
        "aws:s3/bucketPolicy:BucketPolicy": "policy",
        "aws:sns/topicPolicy:TopicPolicy": "policy",
        "aws:ecs/taskDefinition:TaskDefinition": "containerDefinitions",
        "aws:cloudwatch/eventRule:EventRule": "eventPattern",
        "aws:ecr/lifecyclePolicy:LifecyclePolicy": "policy",
      };
      const documents = (run: ProgramRun): Record<string, unknown> =>
        Object.fromEntries(
          run.resources
            .filter((r) => DOCUMENTS[r.type] !== undefined)
            .map((r) => [`${r.name}.${DOCUMENTS[r.type]}`, r.inputs[DOCUMENTS[r.type]]]),
        );
      const preview = documents(await runProgram(stack, stackFileConfig(stack), { unknownComputed: true }));
      expect(Object.keys(preview)).toHaveLength(16);
      expect(Object.values(preview).filter((d) => typeof d !== "string" || d.includes(UNKNOWN))).toEqual([]);
      expect(preview).toEqual(documents(runs[stack]));
    },
  );

  test("a bad stack file fails before any resource is registered, naming the key and the file", async () => {
    const config = {
      ...stackFileConfig("prod"),
      "pipeline-compliance-kit:approvalRequired": "false",
      "pipeline-compliance-kit:githubRepo": "sample-service",
    };
    await expect(runProgram("prod", config)).rejects.toThrow(
      "Invalid configuration in Pulumi.prod.yaml (set with `pulumi config set <key> <value> --stack prod`):\n" +
        '  - pipeline-compliance-kit:githubRepo: must look like owner/name (the GitHub repository the pipeline builds), got "sample-service"\n' +
        "  - pipeline-compliance-kit:approvalRequired: must be true for prod: production deploys wait for a manual approval",
    );
  });

  test("containerImage replaces the bootstrap image reference", async () => {
    const run = await runProgram("dev", {
      ...stackFileConfig("dev"),
      "pipeline-compliance-kit:containerImage": "public.ecr.aws/acme/app:1.0",
    });
    const [container] = JSON.parse(String(single(run, "aws:ecs/taskDefinition:TaskDefinition").inputs.containerDefinitions)) as {
      image: string;
    }[];
    expect(container.image).toBe("public.ecr.aws/acme/app:1.0");
  });
});
