/**
 * Value shapes of well-known credentials: tokens whose issuers give them a fixed prefix so that
 * scanners can find them, and PEM private key blocks. A value of one of these shapes is a
 * credential whatever the variable is called.
 */

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
export function tokenShapeOf(value: string): string | undefined {
  return TOKEN_SHAPES.find((shape) => shape.pattern.test(value))?.label;
}
