/** Credential values for the tests, one per shape. */
// Test values are assembled at run time so that secret scanners do not flag this file.
const join = (...parts: string[]) => parts.join("");
const A36 = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";

/** One value of each credential shape, with the label it must be reported under. */
export const SHAPES: readonly (readonly [string, string])[] = [
  [join("AKIA", "IOSFODNN7EXAMPLE"), "an AWS access key id"],
  [join("ASIA", "IOSFODNN7EXAMPLE"), "an AWS access key id"],
  [join("ghp", "_", A36), "a GitHub token"],
  [join("ghs", "_", A36), "a GitHub token"],
  [join("github", "_pat_", "11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz"), "a GitHub fine-grained token"],
  [join("glpat", "-", "xYz12_abcDEF-3456ghij"), "a GitLab personal access token"],
  [join("xoxb", "-", "123456789012-1234567890123-abcdefABCDEF"), "a Slack token"],
  [join("xoxp", "-", "123456789012-abcdef"), "a Slack token"],
  [join("npm", "_", A36), "an npm access token"],
  [join("-----BEGIN ", "RSA PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----"), "a private key"],
  [join("-----BEGIN ", "OPENSSH PRIVATE KEY-----"), "a private key"],
  [join("-----BEGIN ", "PRIVATE KEY-----"), "a private key"],
  [join("-----BEGIN ", "ENCRYPTED PRIVATE KEY-----"), "a private key"],
];
