import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { validatePolicyArns, validateRepository } from "./settings";
import { GITHUB_OIDC_HOST, roleManagementPolicy, STS_AUDIENCE, trustPolicy } from "./trust";

const config = new pulumi.Config();
const repository = validateRepository(pulumi.getStack(), config.require("githubOwner"), config.require("githubRepo"));
const managedPolicyArns = validatePolicyArns(
  pulumi.getStack(),
  config.getObject<unknown>("managedPolicyArns") ?? ["arn:aws:iam::aws:policy/PowerUserAccess"],
);

// An account holds one provider per issuer URL; reuse it when another stack already created it.
const existingProviderArn = config.get("existingProviderArn");
const providerArn: pulumi.Input<string> =
  existingProviderArn ??
  new aws.iam.OpenIdConnectProvider("github-actions", {
    url: `https://${GITHUB_OIDC_HOST}`,
    clientIdLists: [STS_AUDIENCE],
  }).arn;

const role = new aws.iam.Role("github-actions-deploy", {
  name: config.get("roleName") ?? "github-actions-pipeline-deploy",
  description: `Assumed by GitHub Actions in ${repository.owner}/${repository.repo} through OIDC`,
  maxSessionDuration: 3600,
  assumeRolePolicy: pulumi.output(providerArn).apply((arn) => JSON.stringify(trustPolicy(arn, repository))),
});

managedPolicyArns.forEach((policyArn, index) => {
  new aws.iam.RolePolicyAttachment(`github-actions-deploy-managed-${index}`, { role: role.name, policyArn });
});

new aws.iam.RolePolicy("github-actions-deploy-roles", {
  role: role.name,
  policy: aws.getCallerIdentityOutput().accountId.apply((accountId) => JSON.stringify(roleManagementPolicy(accountId))),
});

/** Goes into the AWS_ROLE_ARN repository variable. */
export const roleArn = role.arn;
export const oidcProviderArn = providerArn;
