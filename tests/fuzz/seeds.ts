/**
 * Hand-written seeds for the shapes the reference stack does not produce: the known failures it is
 * built to avoid (GitHub v1 source, regions on artifact stores, inline bucket blocks, CodeCommit
 * rules, literal ECS names) and resource types it does not use. Grouped into small stacks whose
 * members reference one another, as a real program's would.
 */
import type { Recorded } from "./record";
import {
  blueGreen,
  codeCommit,
  codeCommitPattern,
  connection,
  document,
  ecsDeploy,
  gitHubV1,
  group,
  KEY_ARN,
  pipeline,
  project,
  publicStatement,
  store,
  tlsStatement,
} from "./seed-parts";
import { secretOf } from "./values";
import { unknown } from "../policy/harness";

/** Small stacks, each around one known failure or one resource type the reference stack lacks. */
export const HAND_GROUPS: readonly (readonly Recorded[])[] = [
  group([
    ["aws:codepipeline/pipeline:Pipeline", "github-v1", pipeline([store({ region: "us-east-1" })], [gitHubV1], [ecsDeploy])],
    ["aws:codepipeline/pipeline:Pipeline", "single-store", pipeline([store({ region: "eu-west-1" })], [connection], [])],
    [
      "aws:codepipeline/pipeline:Pipeline",
      "cross-region",
      {
        ...pipeline(
          [store({ region: "us-east-1" }), store({ region: "eu-west-1" }), store({ region: unknown })],
          [connection],
          [ecsDeploy],
        ),
        region: "us-east-1",
      },
    ],
    ["aws:ecs/cluster:Cluster", "app-cluster", { name: "app-cluster" }],
    ["aws:ecs/service:Service", "app-service", { name: unknown, cluster: unknown, desiredCount: 1 }, { cluster: [3] }],
    // A remote component: offline it has no children, so the service it creates is unseen.
    ["awsx:ecs:FargateService", "web", { name: "web-service", cluster: unknown }, { cluster: [3] }],
  ]),
  group([
    ["aws:codecommit/repository:Repository", "app-repo", { repositoryName: "app-repo" }],
    ["aws:codepipeline/pipeline:Pipeline", "codecommit", pipeline([store()], [codeCommit], [blueGreen])],
    ["aws:cloudwatch/eventRule:EventRule", "on-push", { eventPattern: codeCommitPattern() }],
    [
      "aws:cloudwatch/eventRule:EventRule",
      "on-push-scoped",
      {
        eventPattern: codeCommitPattern({
          resources: ["arn:aws:codecommit:us-east-1:123456789012:app-repo"],
          detail: { repositoryName: ["other-repo", { prefix: "app" }] },
        }),
      },
    ],
    ["aws:cloudwatch/eventTarget:EventTarget", "on-push-target", { rule: unknown, arn: unknown }, { rule: [2], arn: [1] }],
    ["aws:codedeploy/application:Application", "app", { name: "app", computePlatform: "ECS" }],
    [
      "aws:codedeploy/deploymentGroup:DeploymentGroup",
      "app-dg",
      { appName: "app", deploymentGroupName: unknown, serviceRoleArn: unknown },
      { appName: [5] },
    ],
    [
      "aws:cloudwatch/eventPermission:EventPermission",
      "bus-permission",
      { principal: "*", statementId: "everyone", action: "events:PutEvents" },
    ],
    [
      "aws:cloudwatch/eventBusPolicy:EventBusPolicy",
      "bus-policy",
      { policy: document([{ Effect: "Allow", Principal: "*", Action: "events:PutEvents", Resource: "*" }]) },
    ],
  ]),
  group([
    [
      "aws:s3/bucketV2:BucketV2",
      "legacy",
      {
        bucket: "fuzz-artifacts",
        acl: "private",
        versioning: { enabled: true },
        lifecycleRules: [{ enabled: true, noncurrentVersionExpiration: { days: 30 } }],
        serverSideEncryptionConfiguration: {
          rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN } },
        },
        policy: document([publicStatement]),
        corsRules: [],
      },
    ],
    ["aws:s3/bucket:Bucket", "fuzz-artifacts", { bucket: "fuzz-artifacts", forceDestroy: true }],
    [
      "aws:s3/bucketVersioningV2:BucketVersioningV2",
      "versioning",
      { bucket: "fuzz-artifacts", versioningConfiguration: { status: "Enabled" } },
    ],
    [
      "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
      "sse",
      { bucket: unknown, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] },
      { bucket: [1] },
    ],
    [
      "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
      "lifecycle",
      {
        bucket: "fuzz-artifacts",
        rules: [
          {
            id: "expire",
            status: "Enabled",
            noncurrentVersionExpiration: { noncurrentDays: 30 },
            abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
          },
        ],
      },
    ],
    ["aws:s3/bucketPolicy:BucketPolicy", "policy", { bucket: "fuzz-artifacts", policy: document([publicStatement, tlsStatement]) }],
    [
      "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
      "block",
      { bucket: unknown, blockPublicAcls: true, blockPublicPolicy: false, ignorePublicAcls: unknown, restrictPublicBuckets: true },
    ],
    [
      "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
      "ownership",
      { bucket: "fuzz-artifacts", rule: { objectOwnership: "ObjectWriter" } },
    ],
  ]),
  group([
    ["aws:iam/accessKey:AccessKey", "ci-key", { user: "ci" }],
    ["aws:secretsmanager/secretVersion:SecretVersion", "token", { secretId: unknown, secretString: secretOf("s3cr3t") }],
    [
      "aws:codebuild/project:Project",
      "creds",
      project(
        {
          privilegedMode: true,
          environmentVariables: [
            { name: "AWS_SECRET_ACCESS_KEY", value: unknown, type: "PLAINTEXT" },
            { name: "DEPLOY_KEY", value: "AKIAABCDEFGHIJKLMNOP" },
            { name: "TOKEN", value: "token-name", type: "SECRETS_MANAGER" },
            { name: unknown, value: unknown },
          ],
        },
        {
          encryptionKey: "alias/aws/s3",
          source: { type: "GITHUB", location: "https://ghp_0123456789abcdef0123456789abcdef01@github.com/acme/app.git" },
          secondarySources: [{ sourceIdentifier: "lib", type: "GITHUB", location: "https://u:p@github.com/acme/lib.git" }],
          logsConfig: { cloudwatchLogs: { status: "DISABLED" }, s3Logs: { status: "ENABLED", location: "fuzz-artifacts/logs" } },
          tags: { "compliance:privileged-reason": "docker image builds" },
        },
      ),
      { environment: [0, 1] },
    ],
    ["aws:codebuild/project:Project", "plain", project({ privilegedMode: false, environmentVariables: [{ name: "STAGE", value: "dev" }] })],
  ]),
  group([
    [
      "aws:iam/role:Role",
      "role",
      { assumeRolePolicy: document([{ Effect: "Allow", Principal: { Service: "codebuild.amazonaws.com" }, Action: "sts:AssumeRole" }]) },
    ],
    [
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
      "admin",
      { role: unknown, policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" },
      { role: [0] },
    ],
    ["aws:iam/policy:Policy", "wide", { policy: document([{ Effect: "Allow", Action: "*", Resource: "*" }]) }],
    ["aws:iam/policyAttachment:PolicyAttachment", "attach", { policyArn: unknown, roles: [unknown], users: ["ci"] }, { policyArn: [2] }],
    [
      "aws:iam/userPolicy:UserPolicy",
      "user-inline",
      { user: "ci", policy: document([{ Effect: "Allow", NotAction: "iam:*", NotResource: "arn:aws:s3:::x" }]) },
    ],
    [
      "aws:iam/rolePolicy:RolePolicy",
      "inline",
      { role: unknown, policy: { Version: "2012-10-17", Statement: { Effect: "Allow", Action: ["s3:*", unknown], Resource: unknown } } },
      { role: [0] },
    ],
    [
      "aws:iam/groupPolicy:GroupPolicy",
      "group-inline",
      { group: "ops", policy: document([{ Effect: "Allow", Action: "iam:PassRole", Resource: "*" }]) },
    ],
    [
      "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
      "group-admin",
      { group: "ops", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" },
    ],
    ["aws:iam/userPolicyAttachment:UserPolicyAttachment", "user-attach", { user: "ci", policyArn: unknown }, { policyArn: [2] }],
  ]),
  group([
    [
      "aws:ecr/repository:Repository",
      "images",
      { name: "images", imageTagMutability: "MUTABLE", imageScanningConfiguration: { scanOnPush: false } },
    ],
    [
      "aws:ecr/repositoryPolicy:RepositoryPolicy",
      "images-policy",
      { repository: "images", policy: document([{ Effect: "Allow", Principal: "*", Action: "ecr:*" }]) },
    ],
    [
      "aws:ecr/lifecyclePolicy:LifecyclePolicy",
      "images-lifecycle",
      { repository: unknown, policy: JSON.stringify({ rules: [] }) },
      { repository: [0] },
    ],
    [
      "aws:kms/keyPolicy:KeyPolicy",
      "key-policy",
      { keyId: unknown, policy: document([{ Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*", Condition: {} }]) },
      { keyId: [4] },
    ],
    [
      "aws:kms/key:Key",
      "key",
      {
        enableKeyRotation: false,
        deletionWindowInDays: 7,
        policy: document([{ Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:*", Resource: "*" }]),
      },
    ],
    ["aws:sns/topic:Topic", "topic", { kmsMasterKeyId: "alias/aws/sns" }],
    [
      "aws:sns/topicPolicy:TopicPolicy",
      "topic-policy",
      { arn: unknown, policy: document([{ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::1:root" }, Action: "sns:Publish" }]) },
      { arn: [5] },
    ],
    ["aws:cloudwatch/logGroup:LogGroup", "logs", { name: "/fuzz/logs", retentionInDays: 0 }],
  ]),
];
