// The security-relevant resources of the dev stack: key, artifact bucket, image repository, IAM.
import { DEPRECATED_INLINE_INPUTS } from "../shared/s3-inline-inputs";
import { ACCOUNT, asList, json, ofType, runProgram, single, singleOf, stackFileConfig, statementsOf, type ProgramRun } from "./harness";

let run: ProgramRun;
beforeAll(async () => {
  run = await runProgram("dev", stackFileConfig("dev"));
});

const keyArn = (): unknown => single(run, "aws:kms/key:Key").state.arn;

describe("EncryptionKey", () => {
  test("rotates, keeps the deletion window of the stack file, and is aliased", () => {
    const key = single(run, "aws:kms/key:Key");
    expect(key.inputs).toMatchObject({ enableKeyRotation: true, deletionWindowInDays: 7 });
    expect(single(run, "aws:kms/alias:Alias").inputs).toEqual(
      expect.objectContaining({ name: "alias/pipeline-compliance-kit-dev", targetKeyId: key.state.keyId }),
    );
  });

  test("the key policy admits the account root and, under conditions, the services that use it", () => {
    const statements = statementsOf(single(run, "aws:kms/key:Key").inputs.policy);
    expect(statements.map((s) => s.Principal)).toEqual([
      { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      { Service: "logs.us-east-1.amazonaws.com" },
      { Service: "logging.s3.amazonaws.com" },
      { Service: "events.amazonaws.com" },
    ]);
    for (const service of statements.filter((s) => typeof s.Principal === "object" && "Service" in s.Principal)) {
      expect(service.Condition).toBeDefined();
    }
    expect(statements[1].Condition).toEqual({
      ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/pipeline-compliance-kit/dev/*` },
    });
    expect(statements[2]).toMatchObject({ Action: "kms:GenerateDataKey", Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } } });
    expect(statements[3].Condition).toEqual({ StringEquals: { "aws:SourceAccount": ACCOUNT } });
  });
});

describe("ArtifactBucket", () => {
  const artifact = (type: string) => singleOf(run, type, "dev-artifacts-");
  const bucketName = (): unknown => artifact("aws:s3/bucket:Bucket").state.bucket;

  test("the bucket is bare: no inline configuration, no deprecated V2 resources anywhere", () => {
    const bucket = artifact("aws:s3/bucket:Bucket");
    expect(Object.keys(bucket.inputs).filter((k) => DEPRECATED_INLINE_INPUTS.includes(k))).toEqual([]);
    expect(bucket.inputs.forceDestroy).toBe(true);
    expect(run.resources.filter((r) => /V2$/.test(r.type))).toEqual([]);
    expect(
      ofType(run, "aws:s3/bucket:Bucket")
        .map((b) => b.name)
        .sort(),
    ).toEqual(["dev-access-logs-bucket", "dev-artifacts-bucket"]);
  });

  test("each concern is its own resource on this bucket", () => {
    expect(artifact("aws:s3/bucketVersioning:BucketVersioning").inputs).toEqual({
      bucket: bucketName(),
      versioningConfiguration: { status: "Enabled" },
    });
    expect(artifact("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").inputs).toEqual({
      bucket: bucketName(),
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: keyArn() }, bucketKeyEnabled: true }],
    });
    const lifecycle = artifact("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").inputs;
    expect(lifecycle.bucket).toBe(bucketName());
    expect(lifecycle.rules).toEqual([
      expect.objectContaining({
        status: "Enabled",
        noncurrentVersionExpiration: { noncurrentDays: 30 },
        abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
      }),
    ]);
    expect(artifact("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputs).toEqual({
      bucket: bucketName(),
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    expect(artifact("aws:s3/bucketOwnershipControls:BucketOwnershipControls").inputs).toEqual({
      bucket: bucketName(),
      rule: { objectOwnership: "BucketOwnerEnforced" },
    });
  });

  test("the bucket policy denies every request that is not TLS, on the bucket and its objects", () => {
    const policy = artifact("aws:s3/bucketPolicy:BucketPolicy");
    const arn = artifact("aws:s3/bucket:Bucket").state.arn;
    expect(policy.inputs.bucket).toBe(bucketName());
    expect(statementsOf(policy.inputs.policy)).toEqual([
      expect.objectContaining({
        Effect: "Deny",
        Action: "s3:*",
        Resource: [arn, `${String(arn)}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      }),
    ]);
  });
});

describe("access logs", () => {
  const logs = (type: string) => singleOf(run, type, "dev-access-logs-");

  test("the artifact bucket sends its server access logs to the log bucket, which logs nowhere itself", () => {
    expect(single(run, "aws:s3/bucketLogging:BucketLogging")).toMatchObject({
      name: "dev-artifacts-access-logging",
      inputs: {
        bucket: singleOf(run, "aws:s3/bucket:Bucket", "dev-artifacts-").state.bucket,
        targetBucket: logs("aws:s3/bucket:Bucket").state.bucket,
        targetPrefix: "artifacts/",
      },
    });
  });

  test("the log bucket is configured like the artifact bucket and expires logs after a year", () => {
    const rules = logs("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").inputs.rules;
    expect(rules).toEqual([expect.objectContaining({ expiration: { days: 365 }, noncurrentVersionExpiration: { noncurrentDays: 30 } })]);
    expect(logs("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").inputs.rules).toEqual([
      { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: keyArn() }, bucketKeyEnabled: true },
    ]);
    expect(logs("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputs).toMatchObject({
      blockPublicPolicy: true,
      restrictPublicBuckets: true,
    });
  });

  test("only S3 logging may write into the log bucket, only the artifact bucket's logs, only from this account", () => {
    const statements = statementsOf(logs("aws:s3/bucketPolicy:BucketPolicy").inputs.policy);
    const artifactArn = singleOf(run, "aws:s3/bucket:Bucket", "dev-artifacts-").state.arn;
    expect(statements.map((s) => s.Sid)).toEqual(["DenyInsecureTransport", "S3ServerAccessLogsDelivery"]);
    expect(statements[1]).toEqual({
      Sid: "S3ServerAccessLogsDelivery",
      Effect: "Allow",
      Principal: { Service: "logging.s3.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `${String(logs("aws:s3/bucket:Bucket").state.arn)}/*`,
      Condition: { ArnLike: { "aws:SourceArn": artifactArn }, StringEquals: { "aws:SourceAccount": ACCOUNT } },
    });
    expect(statementsOf(singleOf(run, "aws:s3/bucketPolicy:BucketPolicy", "dev-artifacts-").inputs.policy)).toHaveLength(1);
  });
});

describe("ImageRepository", () => {
  test("scans on push, has immutable tags and is encrypted with the stack key", () => {
    expect(single(run, "aws:ecr/repository:Repository").inputs).toMatchObject({
      imageScanningConfiguration: { scanOnPush: true },
      imageTagMutability: "IMMUTABLE",
      encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: keyArn() }],
    });
  });

  test("its lifecycle policy expires untagged images and keeps a bounded number", () => {
    const lifecycle = single(run, "aws:ecr/lifecyclePolicy:LifecyclePolicy").inputs;
    expect(lifecycle.repository).toBe(single(run, "aws:ecr/repository:Repository").state.name);
    const rules = json<{ rules: { selection: Record<string, unknown>; action: { type: string } }[] }>(lifecycle.policy).rules;
    expect(rules.map((r) => [r.selection.tagStatus, r.selection.countType, r.selection.countNumber, r.action.type])).toEqual([
      ["untagged", "sinceImagePushed", 1, "expire"],
      ["any", "imageCountMoreThan", 30, "expire"],
    ]);
  });
});

describe("IAM", () => {
  const ALLOWED_STAR = ["ecr:GetAuthorizationToken", "ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition"];
  const rolePolicies = () => ofType(run, "aws:iam/rolePolicy:RolePolicy");
  const allStatements = () => rolePolicies().flatMap((p) => statementsOf(p.inputs.policy));

  test("four role policies (execution, build, test, pipeline), each attached to a role of the stack", () => {
    const roleIds = ofType(run, "aws:iam/role:Role").map((r) => `${r.name}-id`);
    expect(rolePolicies()).toHaveLength(4);
    for (const policy of rolePolicies()) expect(roleIds).toContain(policy.inputs.role);
  });

  test("no statement allows `*` or a whole service", () => {
    const actions = allStatements().flatMap((s) => asList(s.Action));
    expect(actions.length).toBeGreaterThan(20);
    expect(actions.filter((a) => a === "*" || a.endsWith(":*"))).toEqual([]);
  });

  test("`*` resources appear only for the actions AWS cannot scope", () => {
    const starred = allStatements().filter((s) => asList(s.Resource).includes("*"));
    expect(starred.flatMap((s) => asList(s.Action)).sort()).toEqual([...ALLOWED_STAR, "ecr:GetAuthorizationToken"].sort());
  });

  test("iam:PassRole names only the two ECS roles, only towards ECS tasks", () => {
    const passRole = allStatements().filter((s) => asList(s.Action).includes("iam:PassRole"));
    const roleArn = (suffix: string): unknown => ofType(run, "aws:iam/role:Role").find((r) => r.name.endsWith(suffix))?.state.arn;
    expect(passRole).toEqual([
      expect.objectContaining({
        Action: "iam:PassRole",
        Resource: [roleArn("-task-role"), roleArn("-execution-role")],
        Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
      }),
    ]);
  });

  test("every trust policy names one service principal and is limited to this account", () => {
    const roles = ofType(run, "aws:iam/role:Role");
    expect(Object.fromEntries(roles.map((r) => [r.name, statementsOf(r.inputs.assumeRolePolicy).map((s) => s.Principal)]))).toEqual({
      "dev-app-execution-role": [{ Service: "ecs-tasks.amazonaws.com" }],
      "dev-app-task-role": [{ Service: "ecs-tasks.amazonaws.com" }],
      "dev-build-role": [{ Service: "codebuild.amazonaws.com" }],
      "dev-test-role": [{ Service: "codebuild.amazonaws.com" }],
      "dev-pipeline-role": [{ Service: "codepipeline.amazonaws.com" }],
    });
    for (const role of roles) {
      expect(statementsOf(role.inputs.assumeRolePolicy)).toEqual([
        expect.objectContaining({
          Action: "sts:AssumeRole",
          Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
        }),
      ]);
    }
  });
});
