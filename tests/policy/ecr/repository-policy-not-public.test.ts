import { analyzeResource, of, urnOf } from "../harness";

const POLICY = "ecr-repository-policy-not-public";
const REPOSITORY_POLICY = "aws:ecr/repositoryPolicy:RepositoryPolicy";

const pull = (extra: Record<string, unknown> = {}) => ({
  Effect: "Allow",
  Principal: "*",
  Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
  ...extra,
});

async function findings(policy: unknown) {
  return of(POLICY, await analyzeResource(REPOSITORY_POLICY, "repo-policy", { repository: "app", policy }));
}

describe("ecr-repository-policy-not-public", () => {
  it("reports a public pull statement", async () => {
    expect(await findings(JSON.stringify({ Version: "2012-10-17", Statement: [pull()] }))).toEqual([
      expect.objectContaining({
        level: "mandatory",
        urn: urnOf(REPOSITORY_POLICY, "repo-policy"),
        message: expect.stringMatching(/^policy Statement\[0\] allows anyone .* to use the repository/),
      }),
    ]);
  });

  it("passes pulls scoped to the organization or named accounts", async () => {
    expect(await findings({ Statement: [pull({ Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } })] })).toEqual([]);
    expect(await findings({ Statement: [pull({ Principal: { AWS: "arn:aws:iam::222222222222:root" } })] })).toEqual([]);
  });
});
