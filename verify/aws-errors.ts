/**
 * How an AWS SDK error is reported. Without usable credentials or without a route to AWS no result
 * says anything about the stack, so those stop the whole run; the others fail one check.
 */
export interface DescribedError {
  kind: "credentials" | "network" | "access" | "other";
  message: string;
}

const CREDENTIAL_ERRORS = new Set([
  "CredentialsProviderError",
  "ExpiredToken",
  "ExpiredTokenException",
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "SignatureDoesNotMatch",
  "TokenRefreshRequired",
]);

const ACCESS_ERRORS = new Set([
  "AccessDenied",
  // HeadBucket has no response body, so a denied call surfaces as the bare HTTP status name.
  "Forbidden",
  "AccessDeniedException",
  "AuthorizationError",
  "AuthorizationErrorException",
  "UnauthorizedOperation",
]);

const NETWORK_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENETUNREACH", "EHOSTUNREACH"]);

function isNetworkError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (typeof code === "string" && NETWORK_CODES.has(code)) || errorName(error) === "TimeoutError";
}

function errorName(error: unknown): string {
  if (error instanceof Error) return error.name;
  return "UnknownError";
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** `operation` names the IAM action (e.g. `s3:GetBucketPolicy`) so an access error says what to grant. */
export function describeAwsError(error: unknown, operation: string): DescribedError {
  const name = errorName(error);
  if (CREDENTIAL_ERRORS.has(name)) {
    return {
      kind: "credentials",
      message:
        `no usable AWS credentials (${name}): set AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY ` +
        "or a web identity role, and refresh expired sessions",
    };
  }
  if (isNetworkError(error)) {
    return {
      kind: "network",
      message: `cannot reach AWS for ${operation} (${errorMessage(error)}): check the network or proxy and the stack's region output`,
    };
  }
  if (ACCESS_ERRORS.has(name)) {
    return {
      kind: "access",
      message: `access denied for ${operation}: grant it to the verifier's role (docs/verifying.md lists the read-only permissions)`,
    };
  }
  return { kind: "other", message: `${operation} failed: ${name}: ${errorMessage(error)}` };
}

/** Thrown by a check so the runner can report the AWS call that failed and classify it. */
export class AwsCallError extends Error {
  override readonly name = "AwsCallError";
  constructor(
    readonly operation: string,
    readonly original: unknown,
  ) {
    super(`${operation} failed`);
  }
}

/** Runs one SDK call, tagging a failure with the IAM action it needed. */
export async function call<T>(operation: string, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    throw new AwsCallError(operation, error);
  }
}

/** True when a call failed with the named AWS error code (e.g. `NotFound`, `PipelineNotFoundException`). */
export function failedWith(error: unknown, name: string): boolean {
  return error instanceof AwsCallError && errorName(error.original) === name;
}
