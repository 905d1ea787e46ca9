import * as fs from "fs";

/**
 * A mistake the user can fix (bad path, bad config, program or pack that fails): the CLI prints the
 * message as one line and exits 2, without a stack trace. `details` is what --verbose adds under the
 * line (a failing program's own stack frames), never the checker's frames.
 */
export class CheckError extends Error {
  constructor(
    message: string,
    readonly details?: string,
  ) {
    super(message);
    this.name = "CheckError";
  }
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

// What the user reads instead of an errno code; codes not listed are shown as they are.
const FILE_PROBLEMS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOENT: "no such file",
  ENOTDIR: "no such file (a folder on its path is a file)",
  EISDIR: "a directory, not a file",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "the name is too long",
};

/** The code of an error Node's fs threw (EACCES, ENOENT, ...), else undefined. */
export function fileErrorCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === "string" && /^E[A-Z]+$/.test(code) ? code : undefined;
}

/** Why a file could not be read, in words: `permission denied`, `no such file`, `a directory, not a file`. */
export function fileProblem(e: unknown): string {
  const code = fileErrorCode(e);
  return code ? (FILE_PROBLEMS[code] ?? `cannot read the file (${code})`) : `cannot read the file (${messageOf(e)})`;
}

/**
 * Reads a file the user gave or pointed at; a file that cannot be read is one line,
 * `<origin> <file>: permission denied` (origin is the flag that named it, when one did).
 */
export function readUserFile(file: string, origin?: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new CheckError(`${origin ? `${origin} ` : ""}${file}: ${fileProblem(e)}`);
  }
}
