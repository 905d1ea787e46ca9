import { actionField, pipelineActions } from "../lib/pipeline";
import { CompliancePolicy, ResourceCheck, resourcePolicy } from "../lib/policy";
import { hasKey, isUnknown, lookup } from "../lib/props";
import { CODEPIPELINE_PIPELINE } from "../lib/resource-types";

const REPLACEMENT =
  "use owner AWS, provider CodeStarSourceConnection with ConnectionArn of an aws.codeconnections.Connection (providerType GitHub) and FullRepositoryId";

function validate(check: ResourceCheck): void {
  const { actions, unknown } = pipelineActions(check.resource.props);
  for (const path of unknown) {
    check.undecided(`${path} is unknown during preview: cannot check its source actions for GitHub version 1`);
  }
  for (const action of actions) {
    const owner = actionField(action, "owner");
    const provider = actionField(action, "provider");
    const configuration = lookup(action.props, "configuration");
    // The key's presence is the finding, whatever its value (plain, secret or unknown).
    const hasToken = hasKey(configuration, [], "OAuthToken");
    const isGitHubV1 = owner === "ThirdParty" && provider === "GitHub";
    if (isGitHubV1 || hasToken) {
      const what = [
        isGitHubV1 ? "uses the GitHub version 1 source (ThirdParty/GitHub)" : "",
        hasToken ? "has an OAuthToken in its configuration" : "",
      ]
        .filter((part) => part !== "")
        .join(" and ");
      check.violation(`${action.label} ${what}: ${REPLACEMENT}`);
    } else if (isUnknown(configuration) || isUnknown(owner) || isUnknown(provider)) {
      check.undecided(`${action.label}: its owner, provider or configuration is unknown during preview`);
    }
  }
}

export const noGitHubV1Source: CompliancePolicy = resourcePolicy({
  name: "codepipeline-no-github-v1-source",
  description: "Pipeline source actions must use a CodeStar/CodeConnections connection, not GitHub version 1 with an OAuth token.",
  severity: "critical",
  enforcementLevel: "mandatory",
  resourceTypes: [CODEPIPELINE_PIPELINE],
  docs: {
    what: "No action may have owner `ThirdParty` and provider `GitHub` (GitHub version 1), and no action configuration may contain an `OAuthToken` key, even as a secret.",
    why: "GitHub version 1 keeps a long-lived personal access token in the pipeline configuration, readable by anyone who can read the pipeline, with no audit trail; AWS deprecated it in favour of connections.",
    fix: 'Create an `aws.codeconnections.Connection` with `providerType: "GitHub"` (complete it once in the AWS console) and use a source action with owner `AWS`, provider `CodeStarSourceConnection` and configuration `ConnectionArn`, `FullRepositoryId`, `BranchName`.',
    url: "https://docs.aws.amazon.com/codepipeline/latest/userguide/update-github-action-connections.html",
    compliance: { nist: ["IA-5", "AC-2"], pci: ["8.3.2"] },
  },
  validate,
});
