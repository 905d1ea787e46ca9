import { analyzeResource, of, secret, unknown } from "../harness";
import { SHAPES } from "../lib/credential-values";
import { container, task, TASK } from "./task-definition";

const POLICY = "ecs-task-no-plaintext-secrets";
/** The advice every finding ends with. */
const ADVICE = /: reference it from Secrets Manager or Parameter Store under secrets \(valueFrom\) instead$/;

async function findings(props: Record<string, unknown>, config?: Record<string, unknown>) {
  return of(POLICY, await analyzeResource(TASK, "task", props, { config: config && { [POLICY]: config } }));
}

describe(POLICY, () => {
  it("reports credential names and access key ids in environment, at mandatory, also in secret JSON", async () => {
    const environment = [
      { name: "PORT", value: "8080" },
      { name: "DATABASE_PASSWORD", value: "hunter2" },
      { name: "STRIPE_API_KEY", value: "sk_live_x" },
      { name: "UPLOAD", value: "AKIAIOSFODNN7EXAMPLE" },
      { value: "ASIAIOSFODNN7EXAMPLE" },
    ];
    const definitions = JSON.stringify([container({ environment })]);
    for (const props of [task(definitions), task(secret(definitions))]) {
      const result = await findings(props);
      expect(result.map((d) => d.message)).toEqual([
        expect.stringMatching(/^container "app": environment\[1\] \(DATABASE_PASSWORD\) is a plain value and its name says/),
        expect.stringContaining("environment[2] (STRIPE_API_KEY)"),
        expect.stringContaining("environment[3] (UPLOAD) is a plain value and its value is an AWS access key id"),
        expect.stringContaining("environment[4] (undefined)"),
      ]);
      expect(result.every((d) => d.level === "mandatory")).toBe(true);
      expect(result[0].message).toMatch(ADVICE);
    }
  });

  it("passes secrets referenced under secrets and ordinary environment values", async () => {
    const secrets = [{ name: "DATABASE_PASSWORD", valueFrom: "arn:aws:secretsmanager:us-east-1:111111111111:secret:db" }];
    const arnOnly = [{ name: "DB_PASSWORD_SECRET_ARN", value: "arn:aws-cn:secretsmanager:cn-north-1:111111111111:secret:db" }];
    const containers = [
      container({ secrets }),
      container({ name: "b", environment: undefined }),
      container({ name: "c", environment: [null] }),
      container({ name: "d", environment: arnOnly }),
    ];
    expect(await findings(task(containers))).toEqual([]);
  });

  it("reports the broadened credential names and every token shape, plain or in secret JSON, and not ordinary names", async () => {
    const names = ["DB_PASS", "MYSQL_PWD", "REGISTRY_LOGIN", "BASIC_AUTH", "SENTRY_DSN", "dbPass"].map((name) => ({ name, value: "x" }));
    const shapes = SHAPES.map(([value], index) => ({ name: `VALUE_${index}`, value }));
    const ordinary = ["PASSENGER_COUNT", "AUTHOR", "LOGIN_URL", "PWD", "AUTH_MODE"].map((name) => ({ name, value: "1" }));
    const definitions = JSON.stringify([container({ environment: [...names, ...shapes, ...ordinary] })]);
    for (const props of [task(definitions), task(secret(definitions))]) {
      const result = await findings(props);
      expect(result.map((d) => d.message)).toEqual([
        ...names.map((v, index) =>
          expect.stringContaining(`environment[${index}] (${v.name}) is a plain value and its name says it holds a credential`),
        ),
        ...SHAPES.map(([, label], index) =>
          expect.stringContaining(`environment[${names.length + index}] (VALUE_${index}) is a plain value and its value is ${label}`),
        ),
      ]);
      expect(result.every((d) => d.level === "mandatory")).toBe(true);
      expect(result[0].message).toMatch(ADVICE);
    }
  });

  it("passes token shapes referenced under secrets", async () => {
    const secrets = SHAPES.map((_, index) => ({
      name: `VALUE_${index}`,
      valueFrom: `arn:aws:ssm:us-east-1:111111111111:parameter/app/value-${index}`,
    }));
    expect(
      await findings(
        task([
          container({ secrets, environment: [{ name: "DB_PASS_ARN", value: "arn:aws:secretsmanager:us-east-1:111111111111:secret:db" }] }),
        ]),
      ),
    ).toEqual([]);
  });

  it("silences allow-listed names but not a token's shape under them", async () => {
    const environment = [
      { name: "PASSWORD_POLICY_URL", value: "https://example.com/password-policy" },
      { name: "SESSION_AUTH", value: SHAPES[9][0] },
    ];
    const props = task([container({ environment })]);
    expect(await findings(props)).toHaveLength(2);
    const allowed = await findings(props, { allowedNames: ["PASSWORD_POLICY_URL", "SESSION_*"] });
    expect(allowed.map((d) => d.message)).toEqual([
      expect.stringContaining(`(SESSION_AUTH) is a plain value and its value is ${SHAPES[9][1]}`),
    ]);
  });

  it("is undecided, not silent, when the container definitions are unknown", async () => {
    const result = await findings(task(unknown));
    expect(result).toEqual([
      expect.objectContaining({
        level: "advisory",
        message: expect.stringMatching(
          /^\[undecided\] containerDefinitions is unknown during preview: cannot check the containers' environment/,
        ),
      }),
    ]);
  });
});
