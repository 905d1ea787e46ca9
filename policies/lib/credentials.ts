/**
 * Recognises values that are credentials by their variable name or by their shape, shared by the
 * policies that look for secrets in plain-text settings (CodeBuild and ECS environment variables).
 * Shapes are those of well-known credentials: tokens whose issuers give them a fixed prefix so that
 * scanners can find them, and PEM private key blocks; a value of one of these shapes is a credential
 * whatever the variable is called.
 */
import { nameMatches } from "./names";
import { IAM_ACCESS_KEY, IAM_USER_LOGIN_PROFILE, RANDOM_PASSWORD, SECRETSMANAGER_SECRET_VERSION, TLS_PRIVATE_KEY } from "./resource-types";

/** A credential shape: what it is (for messages) and how to recognise it in a value. */
interface TokenShape {
  readonly label: string;
  readonly pattern: RegExp;
}

// Lengths are the issuers' minimums, so that prose such as "ghp_ prefix" or "npm_config" stays silent.
const TOKEN_SHAPES: readonly TokenShape[] = [
  // Long-term (AKIA) and temporary (ASIA) access key ids: 4-letter prefix, 16 upper-case base-32 characters.
  { label: "an AWS access key id", pattern: /\b(?:AKIA|ASIA)[A-Z2-7]{16}\b/ },
  // Classic personal (ghp_), OAuth (gho_), user-to-server (ghu_), server-to-server (ghs_) and refresh (ghr_) tokens.
  { label: "a GitHub token", pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/ },
  { label: "a GitHub fine-grained token", pattern: /\bgithub_pat_[A-Za-z0-9_]{22,}/ },
  { label: "a GitLab personal access token", pattern: /\bglpat-[A-Za-z0-9_-]{20,}/ },
  // Bot (xoxb), user (xoxp), app (xoxa), refresh (xoxr), session (xoxs) and other Slack tokens.
  { label: "a Slack token", pattern: /\bxox[a-z]-[A-Za-z0-9-]{10,}/ },
  { label: "an npm access token", pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  // RSA, EC, DSA, OPENSSH, ENCRYPTED or plain PKCS#8: the header alone is enough, the body may be elided.
  { label: "a private key", pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/ },
];

/** The label of the first credential shape `value` contains, or undefined. */
function tokenShapeOf(value: string): string | undefined {
  return TOKEN_SHAPES.find((shape) => shape.pattern.test(value))?.label;
}

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
function isCredentialName(name: string): boolean {
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
