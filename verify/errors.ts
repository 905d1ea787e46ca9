/** The verifier could not run at all (no outputs, no credentials, bad arguments): exit 2, one line. */
export class CannotRunError extends Error {
  override readonly name = "CannotRunError";
}
