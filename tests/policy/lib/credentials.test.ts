import { credentialHint } from "../../../policies/lib/credentials";
import { SHAPES } from "./credential-values";

// Names are judged on their own when the value has no credential's shape.
const NAMED = "its name says it holds a credential";

describe("credential names", () => {
  it.each([
    "DB_PASSWORD",
    "db_password",
    "GITHUB_TOKEN",
    "githubToken",
    "CLIENT_SECRET",
    "STRIPE_API_KEY",
    "apiKey",
    "AWS_SECRET_ACCESS_KEY",
    "DB_PASS",
    "dbPass",
    "MYSQL_PWD",
    "REGISTRY_LOGIN",
    "docker-login",
    "BASIC_AUTH",
    "npm.auth",
    "SENTRY_DSN",
    "DATABASE_DSN",
    "SERVICE_CREDENTIALS",
  ])("%s is a credential name", (name) => {
    expect(credentialHint(name, "x")).toBe(NAMED);
  });

  it.each([
    "PASSENGER_COUNT",
    "AUTHOR",
    "AUTHOR_EMAIL",
    "PWD",
    "PASS",
    "LOGIN_URL",
    "AUTH_MODE",
    "OAUTH_CALLBACK_URL",
    "COMPASS",
    "BYPASS",
    "DSN_HOST_COUNT",
    "CONTAINER_NAME",
    "KEY_PREFIX",
    "PASSPORT_ID",
    "LOGINS_PER_DAY",
    "",
  ])("%s is an ordinary name", (name) => {
    expect(credentialHint(name, "x")).toBeUndefined();
  });
});

describe("credential value shapes", () => {
  it.each(SHAPES)("%s is %s", (value, label) => {
    expect(credentialHint("ORDINARY", value)).toBe(`its value is ${label}`);
    expect(credentialHint("ORDINARY", `prefix ${value} suffix`)).toBe(`its value is ${label}`);
  });

  it.each([
    "AKIA-not-a-key",
    "akiaiosfodnn7example",
    "ghp_short",
    "the ghp_ prefix",
    "github_pat_short",
    "glpat-short",
    "xoxb-1",
    "npm_config_cache",
    "npm_" + "a".repeat(20),
    "-----BEGIN PUBLIC KEY-----",
    "-----BEGIN CERTIFICATE-----",
    "https://example.com/xoxb",
    "8080",
    "",
  ])("%s has no credential shape", (value) => {
    expect(credentialHint("ORDINARY", value)).toBeUndefined();
  });
});

describe("credentialHint", () => {
  it("silences a name on the allow-list (exact or wildcard) but not a value of a token's shape", () => {
    expect(credentialHint("PASSWORD_POLICY_URL", "https://example.com/policy")).toBe("its name says it holds a credential");
    expect(credentialHint("PASSWORD_POLICY_URL", "https://example.com/policy", ["PASSWORD_POLICY_URL"])).toBeUndefined();
    expect(credentialHint("TOKEN_TTL_SECONDS", "3600", ["TOKEN_*", 7])).toBeUndefined();
    expect(credentialHint("PASSWORD_POLICY_URL", SHAPES[2][0], ["PASSWORD_POLICY_URL"])).toBe("its value is a GitHub token");
    expect(credentialHint("DB_PASSWORD", "x", ["PASSWORD_POLICY_URL"])).toBe("its name says it holds a credential");
  });

  it("passes an ARN under a credential name, and ignores names and values that are not strings", () => {
    expect(credentialHint("DB_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:111111111111:secret:db")).toBeUndefined();
    expect(credentialHint(undefined, undefined)).toBeUndefined();
    expect(credentialHint(42, 42)).toBeUndefined();
    expect(credentialHint("DB_PASS", undefined)).toBe("its name says it holds a credential");
  });
});
