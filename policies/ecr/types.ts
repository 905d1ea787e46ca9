/** Type tokens of the ECR resources the ECR policies inspect. */
export const ECR_REPOSITORY = "aws:ecr/repository:Repository";
export const ECR_LIFECYCLE_POLICY = "aws:ecr/lifecyclePolicy:LifecyclePolicy";
export const ECR_REPOSITORY_POLICY = "aws:ecr/repositoryPolicy:RepositoryPolicy";
