/**
 * A mistake the user can fix (bad path, bad config, program or pack that fails): the CLI prints the
 * message as one line and exits 2, without a stack trace unless --verbose.
 */
export class CheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CheckError";
  }
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
