import { analyzeStack, of, secret, TestResource, unknown, urnOf, verdicts } from "../harness";
import { SHAPES } from "../lib/credential-values";
import { project, PROJECT } from "./project";

const POLICY = "codebuild-no-plaintext-credentials";

const build = (variables: unknown, propertyDependencies?: Record<string, string[]>): TestResource => ({
  type: PROJECT,
  name: "build",
  props: project({}, { environmentVariables: variables }),
  propertyDependencies,
});

const resource = (type: string, name: string): TestResource => ({ type, name, props: {} });
const ACCESS_KEY = "aws:iam/accessKey:AccessKey";
const REPOSITORY = "aws:ecr/repository:Repository";

async function findings(resources: TestResource[], config?: Record<string, unknown>) {
  return of(POLICY, await analyzeStack(resources, { config: config && { [POLICY]: config } }));
}

describe(POLICY, () => {
  it("judges a variable without a type like the provider default PLAINTEXT", async () => {
    expect(verdicts(await findings([build([{ name: "GITHUB_TOKEN", value: "x" }])]))).toEqual(["mandatory"]);
    expect(verdicts(await findings([build([{ name: "GITHUB_TOKEN", value: "x", type: "PLAINTEXT" }])]))).toEqual(["mandatory"]);
  });

  it("reports credential-like names and access key ids in plain-text variables, against the project", async () => {
    const variables = [
      { name: "GITHUB_TOKEN", value: "x", type: "PLAINTEXT" },
      { name: "db_password", value: "x" },
      { name: "NPM_API_KEY", value: secret("x") },
      { name: "UPLOAD_ID", value: "AKIAIOSFODNN7EXAMPLE" },
      { name: "SESSION", value: secret("ASIAIOSFODNN7EXAMPLE") },
    ];
    const result = await findings([build(variables)]);
    expect(result.map((d) => d.message)).toEqual([
      expect.stringContaining("environmentVariables[0] (GITHUB_TOKEN) is a plain-text variable and its name says"),
      expect.stringContaining("[1] (db_password)"),
      expect.stringContaining("[2] (NPM_API_KEY)"),
      expect.stringContaining("[3] (UPLOAD_ID) is a plain-text variable and its value is an AWS access key id"),
      expect.stringContaining("[4] (SESSION)"),
    ]);
    expect(result.every((d) => d.level === "mandatory" && d.urn === urnOf(PROJECT, "build"))).toBe(true);
  });

  it("passes secrets referenced from Secrets Manager or Parameter Store, and ordinary plain-text values", async () => {
    const variables = [
      { name: "GITHUB_TOKEN", value: "build/github-token", type: "SECRETS_MANAGER" },
      { name: "DB_PASSWORD", value: "/app/db/password", type: "PARAMETER_STORE" },
      { name: "CONTAINER_NAME", value: "app", type: "PLAINTEXT" },
      { name: "KEY_PREFIX", value: "AKIA-not-a-key" },
      { name: "DB_SECRET_ARN", value: "arn:aws:secretsmanager:us-east-1:111111111111:secret:db" },
      null,
    ];
    expect(await findings([build(variables), resource(PROJECT, "bare")])).toEqual([]);
  });

  it("decides unknown values by the resources the environment comes from", async () => {
    const fromRepository = build([{ name: "REPOSITORY_URI", value: unknown }], { environment: [`${REPOSITORY}::repo`] });
    expect(await findings([fromRepository, resource(REPOSITORY, "repo")])).toEqual([]);

    const fromKey = build([{ name: "UPLOAD", value: unknown, type: "PLAINTEXT" }], {
      environment: [`${REPOSITORY}::repo`, `${ACCESS_KEY}::ci-key`],
    });
    const result = await findings([fromKey, resource(REPOSITORY, "repo"), resource(ACCESS_KEY, "ci-key")]);
    expect(result.map((d) => d.message)).toEqual([
      expect.stringContaining(`value is unknown and the environment comes from ci-key (${ACCESS_KEY})`),
    ]);
    expect(result[0].level).toBe("mandatory");
  });

  it("reports undecided when it cannot tell", async () => {
    const cases: TestResource[][] = [
      [build(unknown)],
      [build([unknown])],
      [build([{ name: "REPOSITORY_URI", value: unknown }])],
      [build([{ name: unknown, value: "x" }], { environment: [] })],
      [build([{ name: "API_TOKEN", value: "x", type: unknown }])],
      [build([{ name: "UPLOAD", value: unknown, type: unknown }], { environment: [`${ACCESS_KEY}::k`] }), resource(ACCESS_KEY, "k")],
    ];
    for (const resources of cases) {
      const result = await findings(resources);
      expect(result).toEqual([expect.objectContaining({ level: "advisory", message: expect.stringMatching(/^\[undecided\] /) })]);
    }
  });

  it("reports the broadened credential names and every token shape, plain or secret, and not ordinary names", async () => {
    const names = ["DB_PASS", "MYSQL_PWD", "REGISTRY_LOGIN", "BASIC_AUTH", "SENTRY_DSN", "STRIPE_API_KEY"].map((name) => ({
      name,
      value: "x",
    }));
    const shapes = SHAPES.map(([value], index) => ({ name: `VALUE_${index}`, value: index % 2 === 0 ? value : secret(value) }));
    const ordinary = ["PASSENGER_COUNT", "AUTHOR", "LOGIN_URL", "PWD"].map((name) => ({ name, value: "1" }));
    const result = await findings([build([...names, ...shapes, ...ordinary])]);
    expect(result.map((d) => d.message)).toEqual([
      ...names.map((v, index) =>
        expect.stringContaining(`[${index}] (${v.name}) is a plain-text variable and its name says it holds a credential`),
      ),
      ...SHAPES.map(([, label], index) =>
        expect.stringContaining(`[${names.length + index}] (VALUE_${index}) is a plain-text variable and its value is ${label}`),
      ),
    ]);
    expect(verdicts(result).every((level) => level === "mandatory")).toBe(true);
  });

  it("passes token shapes and credential names kept in Secrets Manager or Parameter Store", async () => {
    const kept = SHAPES.map(([value], index) => ({
      name: `VALUE_${index}`,
      value,
      type: index % 2 === 0 ? "SECRETS_MANAGER" : "PARAMETER_STORE",
    }));
    expect(await findings([build([...kept, { name: "DB_PASS", value: "/app/db", type: "PARAMETER_STORE" }])])).toEqual([]);
  });

  it("silences allow-listed names but not a token's shape under them", async () => {
    const variables = [
      { name: "PASSWORD_POLICY_URL", value: "https://example.com/password-policy" },
      { name: "TOKEN_TTL_SECONDS", value: "3600" },
      { name: "SESSION_AUTH", value: SHAPES[6][0] },
    ];
    expect((await findings([build(variables)])).map((d) => d.message)).toEqual([
      expect.stringContaining("(PASSWORD_POLICY_URL) is a plain-text variable and its name says"),
      expect.stringContaining("(TOKEN_TTL_SECONDS)"),
      expect.stringContaining("(SESSION_AUTH)"),
    ]);
    const allowed = await findings([build(variables)], { allowedNames: ["PASSWORD_POLICY_URL", "TOKEN_*", "SESSION_AUTH"] });
    expect(allowed.map((d) => d.message)).toEqual([
      expect.stringContaining(`(SESSION_AUTH) is a plain-text variable and its value is ${SHAPES[6][1]}`),
    ]);
  });

  it("is undecided, not silent, on an unknown value under an allow-listed or ordinary name with no recorded source", async () => {
    const result = await findings([build([{ name: "PASSWORD_POLICY_URL", value: unknown }])], { allowedNames: ["PASSWORD_POLICY_URL"] });
    expect(result).toEqual([
      expect.objectContaining({ level: "advisory", message: expect.stringMatching(/^\[undecided\] .*PASSWORD_POLICY_URL/) }),
    ]);
  });

  it("reports a credential name whatever its unknown or secret value", async () => {
    const result = await findings([
      build([
        { name: "DB_PASS", value: unknown },
        { name: "DEPLOY_PWD", value: secret("x") },
      ]),
    ]);
    expect(verdicts(result)).toEqual(["mandatory", "mandatory"]);
  });
});
