/**
 * Type tokens of the resources the policies inspect. Policies match tokens instead of importing
 * `@pulumi/aws`, whose load time and typings would slow down every preview that runs the pack.
 */
export const CODEPIPELINE_PIPELINE = "aws:codepipeline/pipeline:Pipeline";
export const S3_BUCKET = "aws:s3/bucket:Bucket";
export const CLOUDWATCH_EVENT_RULE = "aws:cloudwatch/eventRule:EventRule";
export const ECS_CLUSTER = "aws:ecs/cluster:Cluster";
export const ECS_SERVICE = "aws:ecs/service:Service";
export const CODEDEPLOY_APPLICATION = "aws:codedeploy/application:Application";
export const CODEDEPLOY_DEPLOYMENT_GROUP = "aws:codedeploy/deploymentGroup:DeploymentGroup";
export const CODEBUILD_PROJECT = "aws:codebuild/project:Project";
export const ECS_TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";
