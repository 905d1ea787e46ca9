/**
 * The resource inputs each policy reads, per type token, as paths from the resource's inputs (lists
 * are walked through, so `stages.actions.owner` is every action's owner). `provider-drift.test.ts`
 * checks every path against the installed `@pulumi/aws` input types, and keeps this list honest: a
 * literal path a policy file reads must end one of its declared paths (or be a `documents` path).
 */
import { DEPRECATED_INLINE_INPUTS } from "../../shared/s3-inline-inputs";

export interface DeclaredInputs {
  readonly inputs: Readonly<Record<string, readonly string[]>>;
  /** Paths read inside JSON documents (event patterns, container definitions, IAM policies), not inputs. */
  readonly documents?: readonly string[];
}

const PIPELINE = "aws:codepipeline/pipeline:Pipeline";
const PROJECT = "aws:codebuild/project:Project";
const TASK = "aws:ecs/taskDefinition:TaskDefinition";
const RULE = "aws:cloudwatch/eventRule:EventRule";
const TARGET = "aws:cloudwatch/eventTarget:EventTarget";
const REPOSITORY = "aws:ecr/repository:Repository";
const KEY = "aws:kms/key:Key";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const BUCKET = "aws:s3/bucket:Bucket";
const LOAD_BALANCERS = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];
const LISTENERS = ["aws:lb/listener:Listener", "aws:alb/listener:Listener"];
const each = (types: readonly string[], paths: readonly string[]): Record<string, readonly string[]> =>
  Object.fromEntries(types.map((t) => [t, paths]));
const s3 = (name: string) => `aws:s3/${name[0].toLowerCase()}${name.slice(1)}:${name}`;
// A bucket configuration resource names its bucket by `bucket`; the policy reads it on both sides to pair them.
const bucketConfiguration = (name: string, paths: readonly string[]): Record<string, readonly string[]> => ({
  [BUCKET]: ["bucket"],
  [s3(name)]: ["bucket", ...paths],
});
const ACTION = [
  "stages.name",
  "stages.actions.name",
  "stages.actions.category",
  "stages.actions.owner",
  "stages.actions.provider",
  "stages.actions.configuration",
];
const CONTAINERS = { [TASK]: ["containerDefinitions"] };
const IAM_DOCUMENTS = ["Effect", "Condition", "Sid", "Action", "NotAction", "Resource", "NotResource", "Version", "Statement"];
const PERMISSION_DOCUMENTS = {
  "aws:iam/policy:Policy": ["policy"],
  "aws:iam/rolePolicy:RolePolicy": ["policy"],
  "aws:iam/userPolicy:UserPolicy": ["policy"],
  "aws:iam/groupPolicy:GroupPolicy": ["policy"],
  "aws:iam/role:Role": ["inlinePolicies.policy", "inlinePolicies.name"],
};

export const DECLARED: Readonly<Record<string, DeclaredInputs>> = {
  "codebuild-encryption-key": { inputs: { [PROJECT]: ["encryptionKey"] } },
  "codebuild-logging-enabled": {
    inputs: { [PROJECT]: ["logsConfig.cloudwatchLogs.status", "logsConfig.cloudwatchLogs.groupName", "logsConfig.s3Logs.status"] },
  },
  "codebuild-no-plaintext-credentials": {
    inputs: {
      [PROJECT]: [
        "environment.environmentVariables.name",
        "environment.environmentVariables.value",
        "environment.environmentVariables.type",
      ],
    },
  },
  "codebuild-no-source-credentials": { inputs: { [PROJECT]: ["source.location", "secondarySources.location"] } },
  "codebuild-privileged-mode": { inputs: { [PROJECT]: ["environment.privilegedMode", "name", "tags"] } },
  "codepipeline-artifact-store-cmk": { inputs: { [PIPELINE]: ["artifactStores.encryptionKey.type", "artifactStores.encryptionKey.id"] } },
  "codepipeline-artifact-store-region": { inputs: { [PIPELINE]: ["artifactStores.region"] } },
  "codepipeline-input-artifacts-produced": {
    inputs: { [PIPELINE]: [...ACTION, "stages.actions.runOrder", "stages.actions.inputArtifacts", "stages.actions.outputArtifacts"] },
  },
  "codepipeline-no-github-v1-source": { inputs: { [PIPELINE]: ACTION } },
  "codepipeline-pipeline-type-v2": { inputs: { [PIPELINE]: ["pipelineType"] } },
  "codepipeline-production-approval": { inputs: { [PIPELINE]: ACTION } },
  "codepipeline-source-actions-first-stage": { inputs: { [PIPELINE]: ACTION } },
  "ecr-repository-immutable-tags": { inputs: { [REPOSITORY]: ["imageTagMutability"] } },
  "ecr-repository-kms-encryption": { inputs: { [REPOSITORY]: ["encryptionConfigurations.encryptionType"] } },
  "ecr-repository-lifecycle-policy": { inputs: { [REPOSITORY]: ["name"], "aws:ecr/lifecyclePolicy:LifecyclePolicy": ["repository"] } },
  "ecr-repository-policy-not-public": { inputs: { "aws:ecr/repositoryPolicy:RepositoryPolicy": ["policy"] }, documents: IAM_DOCUMENTS },
  "ecr-repository-scan-on-push": { inputs: { [REPOSITORY]: ["imageScanningConfiguration.scanOnPush"] } },
  "ecs-container-insights": { inputs: { "aws:ecs/cluster:Cluster": ["settings.name", "settings.value"] } },
  "ecs-deploy-target-in-stack": {
    inputs: {
      [PIPELINE]: ACTION,
      "aws:ecs/cluster:Cluster": ["name"],
      "aws:ecs/service:Service": ["name", "cluster"],
      "aws:codedeploy/application:Application": ["name"],
      "aws:codedeploy/deploymentGroup:DeploymentGroup": ["deploymentGroupName", "appName"],
    },
  },
  "ecs-service-no-public-ip": { inputs: { "aws:ecs/service:Service": ["networkConfiguration.assignPublicIp", "name"] } },
  "ecs-task-logging": { inputs: CONTAINERS, documents: ["logConfiguration.logDriver"] },
  "ecs-task-no-plaintext-secrets": { inputs: CONTAINERS, documents: ["environment", "name", "value"] },
  "ecs-task-not-privileged": { inputs: CONTAINERS, documents: ["privileged"] },
  "ecs-task-read-only-root": { inputs: CONTAINERS, documents: ["readonlyRootFilesystem"] },
  "ecs-task-separate-roles": { inputs: { [TASK]: ["executionRoleArn", "taskRoleArn"] } },
  "eventbridge-codecommit-rule-matches-source": {
    inputs: { [RULE]: ["eventPattern", "name"], [TARGET]: ["rule", "arn"], [PIPELINE]: [...ACTION, "name"] },
    documents: ["source", "resources", "detail.repositoryName", "RepositoryName"],
  },
  "eventbridge-event-bus-not-public": {
    inputs: {
      "aws:cloudwatch/eventPermission:EventPermission": ["principal", "condition"],
      "aws:cloudwatch/eventBusPolicy:EventBusPolicy": ["policy"],
    },
  },
  "eventbridge-rule-has-target": { inputs: { [RULE]: ["name"], [TARGET]: ["rule"] } },
  "iam-no-admin-access": {
    inputs: { ...PERMISSION_DOCUMENTS, "aws:iam/rolePolicyAttachment:RolePolicyAttachment": ["policyArn"] },
    documents: IAM_DOCUMENTS,
  },
  "iam-no-wildcard-actions": { inputs: PERMISSION_DOCUMENTS, documents: IAM_DOCUMENTS },
  "iam-pass-role-scoped": { inputs: PERMISSION_DOCUMENTS, documents: IAM_DOCUMENTS },
  "iam-pass-role-service-condition": { inputs: PERMISSION_DOCUMENTS, documents: IAM_DOCUMENTS },
  "iam-trust-policy-principals": { inputs: { "aws:iam/role:Role": ["assumeRolePolicy"] }, documents: IAM_DOCUMENTS },
  "iam-wildcard-resources": { inputs: PERMISSION_DOCUMENTS, documents: IAM_DOCUMENTS },
  "kms-key-deletion-window": { inputs: { [KEY]: ["deletionWindowInDays"] } },
  "kms-key-policy-not-public": { inputs: { [KEY]: ["policy"], "aws:kms/keyPolicy:KeyPolicy": ["policy"] }, documents: IAM_DOCUMENTS },
  "kms-key-rotation": { inputs: { [KEY]: ["customerMasterKeySpec", "customKeyStoreId", "enableKeyRotation"] } },
  "logs-log-group-kms-encryption": { inputs: { [LOG_GROUP]: ["kmsKeyId"] } },
  "lb-access-logs": { inputs: each(LOAD_BALANCERS, ["accessLogs.enabled", "accessLogs.bucket", "tags"]) },
  "lb-deletion-protection": { inputs: each(LOAD_BALANCERS, ["enableDeletionProtection"]) },
  "lb-drop-invalid-headers": { inputs: each(LOAD_BALANCERS, ["loadBalancerType", "dropInvalidHeaderFields"]) },
  "lb-http-redirect-to-https": { inputs: each(LISTENERS, ["protocol", "defaultActions.type", "defaultActions.redirect.protocol"]) },
  "lb-internet-facing": { inputs: each(LOAD_BALANCERS, ["internal", "name", "tags"]) },
  "lb-tls-security-policy": { inputs: each(LISTENERS, ["protocol", "sslPolicy"]) },
  "logs-log-group-retention": { inputs: { [LOG_GROUP]: ["logGroupClass", "retentionInDays"] } },
  "s3-bucket-access-logging": { inputs: bucketConfiguration("BucketLogging", ["targetBucket"]) },
  "s3-bucket-acls-disabled": { inputs: bucketConfiguration("BucketOwnershipControls", ["rule.objectOwnership"]) },
  "s3-bucket-kms-encryption": {
    inputs: bucketConfiguration("BucketServerSideEncryptionConfiguration", [
      "rules.applyServerSideEncryptionByDefault.sseAlgorithm",
      "rules.applyServerSideEncryptionByDefault.kmsMasterKeyId",
    ]),
  },
  "s3-bucket-lifecycle": {
    inputs: bucketConfiguration("BucketLifecycleConfiguration", [
      "rules.status",
      "rules.noncurrentVersionExpiration.noncurrentDays",
      "rules.abortIncompleteMultipartUpload.daysAfterInitiation",
    ]),
  },
  "s3-bucket-policy-not-public": { inputs: { [s3("BucketPolicy")]: ["policy"] }, documents: IAM_DOCUMENTS },
  "s3-bucket-public-access-block": {
    inputs: bucketConfiguration("BucketPublicAccessBlock", [
      "blockPublicAcls",
      "blockPublicPolicy",
      "ignorePublicAcls",
      "restrictPublicBuckets",
    ]),
  },
  "s3-bucket-tls-only": { inputs: bucketConfiguration("BucketPolicy", ["policy"]), documents: IAM_DOCUMENTS },
  "s3-bucket-versioning": { inputs: bucketConfiguration("BucketVersioning", ["versioningConfiguration.status"]) },
  // Reads only the waiver tags, of any type, through lib/waivers.ts like every policy's waivers.
  "waiver-mistakes": { inputs: {} },
  "s3-no-deprecated-inline-config": { inputs: { [BUCKET]: DEPRECATED_INLINE_INPUTS } },
  "sns-topic-kms-encryption": { inputs: { "aws:sns/topic:Topic": ["kmsMasterKeyId"] } },
  "sns-topic-policy-not-public": {
    inputs: { "aws:sns/topic:Topic": ["policy"], "aws:sns/topicPolicy:TopicPolicy": ["policy"] },
    documents: IAM_DOCUMENTS,
  },
};
