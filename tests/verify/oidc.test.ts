// Runs infra/github-oidc under Pulumi mocks and asserts the role's trust policy condition by condition.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type * as pulumiModule from "@pulumi/pulumi";
import { load } from "js-yaml";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

interface Run {
  resources: Registered[];
  exports: Record<string, unknown>;
}

const ACCOUNT = "210987654321";
// The program's exports are ARNs: outputs or plain strings.
const resolveOutput = (pulumi: typeof pulumiModule, value: pulumiModule.Input<string>): Promise<string> =>
  new Promise((resolve) => pulumi.output(value).apply(resolve));

/** Loads the program in a fresh module registry with `config` (keys without the project prefix). */
async function runOidc(config: Record<string, string>): Promise<Run> {
  const resources: Registered[] = [];
  let exports: Record<string, unknown> = {};
  await jest.isolateModulesAsync(async () => {
    const pulumi: typeof pulumiModule = await import("@pulumi/pulumi");
    await pulumi.runtime.setMocks(
      {
        newResource: ({ type, name, inputs }) => {
          resources.push({ type, name, inputs });
          const arn =
            type === "aws:iam/role:Role"
              ? `arn:aws:iam::${ACCOUNT}:role/${inputs.name}`
              : `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
          return { id: `${name}-id`, state: { ...inputs, arn } };
        },
        call: ({ token }) =>
          token === "aws:index/getCallerIdentity:getCallerIdentity" ? { accountId: ACCOUNT, arn: "x", userId: "y", id: ACCOUNT } : {},
      },
      "github-oidc",
      "shared",
      false,
    );
    pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(config).map(([k, v]) => [`github-oidc:${k}`, v])));
    const program = (await import("../../infra/github-oidc/index")) as Record<string, pulumiModule.Input<string>>;
    exports = Object.fromEntries(
      await Promise.all(Object.entries(program).map(async ([k, v]) => [k, await resolveOutput(pulumi, v)] as const)),
    );
    // Drains the RPC queue, so every registration (attachments, inline policy) has reached the mock.
    await pulumi.runtime.disconnect();
  });
  return { resources, exports };
}

const byType = (run: Run, type: string) => run.resources.filter((r) => r.type === type);
const trust = (run: Run) => JSON.parse(byType(run, "aws:iam/role:Role")[0].inputs.assumeRolePolicy as string);

describe("infra/github-oidc", () => {
  it("trusts only this repository's main branch, pull requests and environments, for the STS audience", async () => {
    const run = await runOidc({ githubOwner: "acme", githubRepo: "pipeline-kit" });
    const [provider] = byType(run, "aws:iam/openIdConnectProvider:OpenIdConnectProvider");
    expect(provider.inputs).toEqual(
      expect.objectContaining({ url: "https://token.actions.githubusercontent.com", clientIdLists: ["sts.amazonaws.com"] }),
    );
    expect(trust(run)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` },
          Action: "sts:AssumeRoleWithWebIdentity",
          Condition: {
            StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
            StringLike: {
              "token.actions.githubusercontent.com:sub": [
                "repo:acme/pipeline-kit:ref:refs/heads/main",
                "repo:acme/pipeline-kit:pull_request",
                "repo:acme/pipeline-kit:environment:*",
              ],
            },
          },
        },
      ],
    });
    expect(run.exports.roleArn).toBe(`arn:aws:iam::${ACCOUNT}:role/github-actions-pipeline-deploy`);
  });

  it("attaches PowerUserAccess by default and lets the role manage and pass roles in its own account only", async () => {
    const run = await runOidc({ githubOwner: "acme", githubRepo: "pipeline-kit" });
    expect(byType(run, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").map((r) => r.inputs.policyArn)).toEqual([
      "arn:aws:iam::aws:policy/PowerUserAccess",
    ]);
    const inline = JSON.parse(byType(run, "aws:iam/rolePolicy:RolePolicy")[0].inputs.policy as string) as {
      Statement: { Resource: string; Action: unknown; Condition?: unknown }[];
    };
    expect(inline.Statement.map((s) => s.Resource)).toEqual([`arn:aws:iam::${ACCOUNT}:role/*`, `arn:aws:iam::${ACCOUNT}:role/*`]);
    expect(inline.Statement[1]).toEqual(
      expect.objectContaining({ Action: "iam:PassRole", Condition: expect.objectContaining({ StringEquals: expect.any(Object) }) }),
    );
  });

  it("reuses an existing provider, a custom role name and managed policies", async () => {
    const existing = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com-existing`;
    const run = await runOidc({
      githubOwner: "acme-org",
      githubRepo: "kit.v2",
      existingProviderArn: existing,
      roleName: "ci-deploy",
      managedPolicyArns: JSON.stringify(["arn:aws:iam::aws:policy/ReadOnlyAccess", `arn:aws:iam::${ACCOUNT}:policy/deploy`]),
    });
    expect(byType(run, "aws:iam/openIdConnectProvider:OpenIdConnectProvider")).toEqual([]);
    expect(trust(run).Statement[0].Principal).toEqual({ Federated: existing });
    expect(trust(run).Statement[0].Condition.StringLike["token.actions.githubusercontent.com:sub"][0]).toBe(
      "repo:acme-org/kit.v2:ref:refs/heads/main",
    );
    expect(run.exports).toEqual({ roleArn: `arn:aws:iam::${ACCOUNT}:role/ci-deploy`, oidcProviderArn: existing });
    expect(byType(run, "aws:iam/rolePolicyAttachment:RolePolicyAttachment")).toHaveLength(2);
  });

  it.each([
    [
      { githubOwner: "acme/pipeline-kit", githubRepo: "pipeline-kit" },
      "Pulumi.shared.yaml: github-oidc:githubOwner 'acme/pipeline-kit' is not a GitHub user or organization name",
    ],
    [
      { githubOwner: "acme", githubRepo: "acme/pipeline-kit" },
      "Pulumi.shared.yaml: github-oidc:githubRepo 'acme/pipeline-kit' must be the repository name alone",
    ],
    [
      { githubOwner: "acme", githubRepo: "kit", managedPolicyArns: "[]" },
      "Pulumi.shared.yaml: github-oidc:managedPolicyArns must be a non-empty list of IAM policy ARNs",
    ],
    [{ githubOwner: "acme", githubRepo: "kit", managedPolicyArns: '["PowerUserAccess"]' }, 'got ["PowerUserAccess"]'],
  ])("rejects %j naming the stack file and key", async (config, message) => {
    await expect(runOidc(config)).rejects.toThrow(message);
  });

  it("requires the owner", async () => {
    await expect(runOidc({ githubRepo: "kit" })).rejects.toThrow("githubOwner");
  });
});

describe("infra/github-oidc/Pulumi.yaml", () => {
  const dir = join(__dirname, "../../infra/github-oidc");
  const project = load(readFileSync(join(dir, "Pulumi.yaml"), "utf8")) as {
    name: string;
    main: string;
    config: Record<string, { type: string; description: string }>;
  };

  it("names its entry point and declares, with a description, every key the program reads", () => {
    expect(project.name).toBe("github-oidc");
    expect(existsSync(join(dir, project.main))).toBe(true);
    const source = readFileSync(join(dir, project.main), "utf8");
    const read = [...source.matchAll(/config\.(?:get|require|getObject)(?:<[^>]+>)?\("(\w+)"\)/g)].map((m) => m[1]);
    expect(Object.keys(project.config).sort()).toEqual([...new Set(read)].sort());
    for (const setting of Object.values(project.config)) expect(setting.description.length).toBeGreaterThan(20);
  });
});
