import { analyzeResource, of, unknown } from "../harness";
import { json, object, ROLE, serviceTrust } from "./documents";

const POLICY = "iam-trust-policy-principals";
const GITHUB = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com";

async function findings(assumeRolePolicy: unknown) {
  return of(POLICY, await analyzeResource(ROLE, "role", { assumeRolePolicy }));
}

const trust = (extra: Record<string, unknown>) => ({ Effect: "Allow", Action: "sts:AssumeRole", ...extra });
const webIdentity = (Condition?: unknown) => ({
  Effect: "Allow",
  Principal: { Federated: GITHUB },
  Action: "sts:AssumeRoleWithWebIdentity",
  Condition,
});
const githubConditions = (sub: unknown) => ({
  StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
  StringLike: { "token.actions.githubusercontent.com:sub": sub },
});

describe(POLICY, () => {
  it("passes named services, accounts and scoped GitHub OIDC trust", async () => {
    expect(await findings(serviceTrust("codebuild.amazonaws.com"))).toEqual([]);
    expect(await findings(json(trust({ Principal: { AWS: "arn:aws:iam::222222222222:root" } })))).toEqual([]);
    expect(await findings(json(webIdentity(githubConditions("repo:org/app:ref:refs/heads/main"))))).toEqual([]);
    expect(await findings(json(trust({ Principal: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-123" } } })))).toEqual([]);
  });

  it("is undecided when the required trust policy is absent: offline it was computed from an unknown value", async () => {
    expect((await findings(undefined)).map((d) => d.message)).toEqual([
      "[undecided] assumeRolePolicy is not set: a required document is missing only when its value is computed and unknown during preview",
    ]);
  });

  it("reports a wildcard principal without conditions, at mandatory", async () => {
    for (const Principal of ["*", { AWS: "*" }, { AWS: ["arn:aws:iam::222222222222:root", "*"] }]) {
      const result = await findings(json(trust({ Principal })));
      expect(result).toEqual([
        expect.objectContaining({ level: "mandatory", message: expect.stringContaining('lets any AWS principal ("*") assume the role') }),
      ]);
    }
  });

  it("reports NotPrincipal in an Allow", async () => {
    const result = await findings(object(trust({ NotPrincipal: { AWS: "arn:aws:iam::111111111111:root" } })));
    expect(result.map((d) => d.message)).toEqual([expect.stringContaining("uses NotPrincipal")]);
    expect(await findings(json(serviceTrustStatement(), { Effect: "Deny", NotPrincipal: { AWS: "x" }, Action: "sts:AssumeRole" }))).toEqual(
      [],
    );
  });

  it("reports web-identity trust without aud or sub, or with sub *", async () => {
    const noConditions = await findings(json(webIdentity()));
    expect(noConditions.map((d) => d.message)).toEqual([expect.stringContaining("without a condition on the token's aud and sub")]);
    const audOnly = await findings(json(webIdentity({ StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } })));
    expect(audOnly.map((d) => d.message)).toEqual([expect.stringContaining("token's sub:")]);
    const subOnly = await findings(json(webIdentity({ StringLike: { "token.actions.githubusercontent.com:sub": "repo:org/*" } })));
    expect(subOnly.map((d) => d.message)).toEqual([expect.stringContaining("token's aud:")]);
    const anySubject = await findings(json(webIdentity(githubConditions("*"))));
    expect(anySubject.map((d) => d.message)).toEqual([expect.stringContaining('for any token subject ("*")')]);
    const wildcardAction = await findings(json({ ...webIdentity(), Action: "sts:*" }));
    expect(wildcardAction).toHaveLength(1);
  });

  it("reports undecided for unknown documents, conditions, principals and actions", async () => {
    const cases = [
      unknown,
      object(trust({ Principal: "*", Condition: unknown })),
      object(webIdentity(unknown)),
      object(trust({ Principal: unknown })),
      object(trust({ Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: unknown })),
      object({ ...webIdentity(), Effect: unknown }),
    ];
    for (const document of cases) {
      expect((await findings(document)).map((d) => d.message)).toEqual([expect.stringMatching(/^\[undecided\] /)]);
    }
  });

  it("reports a malformed trust policy", async () => {
    expect((await findings("{")).map((d) => d.message)).toEqual([expect.stringContaining("assumeRolePolicy is malformed")]);
  });
});

function serviceTrustStatement() {
  return trust({ Principal: { Service: "ecs-tasks.amazonaws.com" } });
}
