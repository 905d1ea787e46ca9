// The role's trust policy and permissions as plain documents, so tests can assert the exact conditions.
import type { Repository } from "./settings";

export const GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";
export const STS_AUDIENCE = "sts.amazonaws.com";

/**
 * The subjects allowed to assume the role: pushes to main, pull requests (the preview job) and jobs
 * bound to a GitHub environment (dev, staging, prod, whose reviewers gate the deployments).
 */
export function allowedSubjects({ owner, repo }: Repository): string[] {
  const prefix = `repo:${owner}/${repo}`;
  return [`${prefix}:ref:refs/heads/main`, `${prefix}:pull_request`, `${prefix}:environment:*`];
}

export function trustPolicy(providerArn: string, repository: Repository): object {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated: providerArn },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: { [`${GITHUB_OIDC_HOST}:aud`]: STS_AUDIENCE },
          StringLike: { [`${GITHUB_OIDC_HOST}:sub`]: allowedSubjects(repository) },
        },
      },
    ],
  };
}

/**
 * PowerUserAccess excludes IAM, but the reference stack creates the roles of CodeBuild, CodePipeline
 * and ECS tasks, so the deploy role may manage roles and pass them to those services only.
 */
export function roleManagementPolicy(accountId: string): object {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "ManageStackRoles",
        Effect: "Allow",
        Action: [
          "iam:CreateRole",
          "iam:DeleteRole",
          "iam:GetRole",
          "iam:TagRole",
          "iam:UntagRole",
          "iam:UpdateRole",
          "iam:UpdateAssumeRolePolicy",
          "iam:ListRolePolicies",
          "iam:ListAttachedRolePolicies",
          "iam:ListInstanceProfilesForRole",
          "iam:GetRolePolicy",
          "iam:PutRolePolicy",
          "iam:DeleteRolePolicy",
          "iam:AttachRolePolicy",
          "iam:DetachRolePolicy",
        ],
        Resource: `arn:aws:iam::${accountId}:role/*`,
      },
      {
        Sid: "PassStackRolesToPipelineServices",
        Effect: "Allow",
        Action: "iam:PassRole",
        Resource: `arn:aws:iam::${accountId}:role/*`,
        Condition: {
          StringEquals: {
            "iam:PassedToService": [
              "codebuild.amazonaws.com",
              "codepipeline.amazonaws.com",
              "ecs-tasks.amazonaws.com",
              "events.amazonaws.com",
            ],
          },
        },
      },
    ],
  };
}
