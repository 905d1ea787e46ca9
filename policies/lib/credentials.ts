/**
 * Recognises values that are credentials by their variable name or by their shape, shared by the
 * policies that look for secrets in plain-text settings (CodeBuild and ECS environment variables).
 */
import { nameMatches } from "./names";
import { IAM_ACCESS_KEY, IAM_USER_LOGIN_PROFILE, RANDOM_PASSWORD, SECRETSMANAGER_SECRET_VERSION, TLS_PRIVATE_KEY } from "./resource-types";
import { tokenShapeOf } from "./token-shapes";

// Words that say "credential" wherever they appear in a name (`DB_PASSWORD`, `githubToken`).
const CREDENTIAL_WORD = /(SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;

// Short words that are credentials only as the last word after a qualifier (`DB_PASS`, `MYSQL_PWD`,
// `REGISTRY_LOGIN`, `BASIC_AUTH`, `SENTRY_DSN`): as parts of longer words (`PASSENGER_COUNT`,
// `AUTHOR`) or first (`LOGIN_URL`) they are ordinary, and a bare `PWD` is the shell's working directory.
const CREDENTIAL_SUFFIXES: ReadonlySet<string> = new Set(["PASS", "PWD", "LOGIN", "AUTH", "DSN"]);

// `DB_SECRET_ARN=arn:aws:secretsmanager:...` names where a secret is kept, which is the recommended pattern.
const ARN = /^arn:aws[a-z-]*:/;

/** The words of a name: split at `_`, `-`, `.` and lower-to-upper case changes (`dbPass` is `DB`, `PASS`). */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toUpperCase());
}

/** Whether a variable name says it holds a credential. */
export function isCredentialName(name: string): boolean {
  if (CREDENTIAL_WORD.test(name)) {
    return true;
  }
  const words = wordsOf(name);
  return words.length >= 2 && CREDENTIAL_SUFFIXES.has(words[words.length - 1]);
}

/**
 * Why a name/value pair looks like a credential, or undefined when it does not. `allowedNames`
 * (exact names or `*` wildcards) lists names that are not credentials (`PASSWORD_POLICY_URL`);
 * it silences the name only, a value of a credential's shape is reported under any name.
 */
export function credentialHint(name: unknown, value: unknown, allowedNames: readonly unknown[] = []): string | undefined {
  const isArn = typeof value === "string" && ARN.test(value);
  if (typeof name === "string" && isCredentialName(name) && !isArn && !nameMatches(allowedNames, [name])) {
    return "its name says it holds a credential";
  }
  const shape = typeof value === "string" ? tokenShapeOf(value) : undefined;
  return shape === undefined ? undefined : `its value is ${shape}`;
}

/** The policy config knob both plaintext-credential policies share. */
export const ALLOWED_NAMES_DESCRIPTION =
  "Variable names (`*` wildcards) that look like credentials but are not (`PASSWORD_POLICY_URL`); a value of a token's shape is still reported.";

/**
 * Resource types whose outputs are credentials: an input that is unknown during preview and came
 * from one of them carries a credential.
 */
export const CREDENTIAL_SOURCES: ReadonlySet<string> = new Set([
  IAM_ACCESS_KEY,
  IAM_USER_LOGIN_PROFILE,
  SECRETSMANAGER_SECRET_VERSION,
  RANDOM_PASSWORD,
  TLS_PRIVATE_KEY,
]);
