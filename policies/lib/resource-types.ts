/**
 * Type tokens of the resources the policies inspect, the one place the pack spells them (the
 * provider drift test checks each against the installed `@pulumi/aws`). Policies match tokens
 * instead of importing `@pulumi/aws`, whose load time and typings would slow down every preview
 * that runs the pack.
 */
export const CODEPIPELINE_PIPELINE = "aws:codepipeline/pipeline:Pipeline";
export const S3_BUCKET = "aws:s3/bucket:Bucket";
/** Deprecated alias of `S3_BUCKET` in `@pulumi/aws` 7. */
export const S3_BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
export const CLOUDWATCH_EVENT_RULE = "aws:cloudwatch/eventRule:EventRule";
export const ECS_CLUSTER = "aws:ecs/cluster:Cluster";
export const ECS_SERVICE = "aws:ecs/service:Service";
export const CODEDEPLOY_APPLICATION = "aws:codedeploy/application:Application";
export const CODEDEPLOY_DEPLOYMENT_GROUP = "aws:codedeploy/deploymentGroup:DeploymentGroup";
export const CODEBUILD_PROJECT = "aws:codebuild/project:Project";
export const ECS_TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";

export const ECR_REPOSITORY = "aws:ecr/repository:Repository";
export const ECR_LIFECYCLE_POLICY = "aws:ecr/lifecyclePolicy:LifecyclePolicy";
export const ECR_REPOSITORY_POLICY = "aws:ecr/repositoryPolicy:RepositoryPolicy";

export const EVENT_TARGET = "aws:cloudwatch/eventTarget:EventTarget";
export const EVENT_BUS_POLICY = "aws:cloudwatch/eventBusPolicy:EventBusPolicy";
export const EVENT_PERMISSION = "aws:cloudwatch/eventPermission:EventPermission";

export const KMS_KEY = "aws:kms/key:Key";
export const KMS_KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";

export const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

export const SNS_TOPIC = "aws:sns/topic:Topic";
export const SNS_TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy";

/** `aws.alb.*` are aliases of `aws.lb.*` in `@pulumi/aws` 7 but register their own tokens. */
export const LB_LOAD_BALANCER = "aws:lb/loadBalancer:LoadBalancer";
export const ALB_LOAD_BALANCER = "aws:alb/loadBalancer:LoadBalancer";
export const LB_LISTENER = "aws:lb/listener:Listener";
export const ALB_LISTENER = "aws:alb/listener:Listener";

export const IAM_POLICY = "aws:iam/policy:Policy";
export const IAM_ROLE = "aws:iam/role:Role";
export const IAM_ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
export const IAM_USER_POLICY = "aws:iam/userPolicy:UserPolicy";
export const IAM_GROUP_POLICY = "aws:iam/groupPolicy:GroupPolicy";
export const IAM_ROLE_POLICY_ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
export const IAM_USER_POLICY_ATTACHMENT = "aws:iam/userPolicyAttachment:UserPolicyAttachment";
export const IAM_GROUP_POLICY_ATTACHMENT = "aws:iam/groupPolicyAttachment:GroupPolicyAttachment";
export const IAM_POLICY_ATTACHMENT = "aws:iam/policyAttachment:PolicyAttachment";
export const IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE = "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive";
export const IAM_USER_POLICY_ATTACHMENTS_EXCLUSIVE = "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive";
export const IAM_GROUP_POLICY_ATTACHMENTS_EXCLUSIVE = "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive";
export const IAM_ACCESS_KEY = "aws:iam/accessKey:AccessKey";
export const IAM_USER_LOGIN_PROFILE = "aws:iam/userLoginProfile:UserLoginProfile";
export const SECRETSMANAGER_SECRET_VERSION = "aws:secretsmanager/secretVersion:SecretVersion";

/** Tokens of other providers a stack commonly uses next to `aws`. */
export const RANDOM_PASSWORD = "random:index/randomPassword:RandomPassword";
export const TLS_PRIVATE_KEY = "tls:index/privateKey:PrivateKey";

/** Remote components of `@pulumi/awsx` 3 (see `ecs/remote-components.ts`). */
export const AWSX_FARGATE_SERVICE = "awsx:ecs:FargateService";
export const AWSX_EC2_SERVICE = "awsx:ecs:EC2Service";

/**
 * The type token of an `aws.s3` resource from its class name: `BucketVersioning` ->
 * `aws:s3/bucketVersioning:BucketVersioning`. The drift test expands each literal name passed here.
 */
export function s3Type(name: string): string {
  return `aws:s3/${name[0].toLowerCase()}${name.slice(1)}:${name}`;
}
