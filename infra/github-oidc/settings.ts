// Validation of the program's config: a mistake names the stack file and the key to fix, with no stack trace.
import * as pulumi from "@pulumi/pulumi";

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;

export interface Repository {
  owner: string;
  repo: string;
}

/** Checks config values before any resource exists; RunError keeps the message free of a stack trace. */
export function validateRepository(stack: string, owner: string, repo: string): Repository {
  const file = `Pulumi.${stack}.yaml`;
  if (!OWNER.test(owner)) {
    throw new pulumi.RunError(
      `${file}: github-oidc:githubOwner '${owner}' is not a GitHub user or organization name (letters, digits, dashes); set it with 'pulumi config set githubOwner OWNER'`,
    );
  }
  if (!REPO.test(repo)) {
    throw new pulumi.RunError(
      `${file}: github-oidc:githubRepo '${repo}' must be the repository name alone (no owner, no slash); set it with 'pulumi config set githubRepo NAME'`,
    );
  }
  return { owner, repo };
}

const POLICY_ARN = /^arn:aws[\w-]*:iam::(aws|\d{12}):policy\/[\w+=,.@/-]+$/;

export function validatePolicyArns(stack: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((arn) => typeof arn === "string" && POLICY_ARN.test(arn))) {
    throw new pulumi.RunError(
      `Pulumi.${stack}.yaml: github-oidc:managedPolicyArns must be a non-empty list of IAM policy ARNs (arn:aws:iam::aws:policy/NAME), got ${JSON.stringify(value)}`,
    );
  }
  return value;
}
