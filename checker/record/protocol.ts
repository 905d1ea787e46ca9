// What the record parent and child exchange: the spec in, the recording (or a user-facing error) out.
import * as path from "path";
import type { Recording, SourceLocation } from "../types";
import type { StackConfig } from "./stackConfig";

export interface ChildSpec {
  project: string;
  stack: string;
  organization: string;
  entry: string;
  programDir: string;
  kitRoot: string;
  config: StackConfig;
  resultFile: string;
  /**
   * The second look: every custom resource is treated as already deployed, so the mock answers its
   * registration with the model's created outputs (known id, arn, name) instead of unknowns.
   */
  secondLook?: boolean;
}

export interface ChildError {
  /** What went wrong; for `file`, why that file could not be read (`permission denied`). */
  message: string;
  /** True when the program did not compile (syntax error), false when it threw. */
  compile: boolean;
  location?: SourceLocation;
  /** A file the program could not read (a module it imports, a file it reads itself). */
  file?: string;
  /** The call that ended the program before it finished, as written: `process.exit(0)`. */
  exitCall?: string;
  /** The program's own stack frames, innermost first, without the checker's or the SDK's (for --verbose). */
  frames?: string[];
}

/** peakMemoryKb: the child's peak resident set size, which --verbose reports. */
export type ChildResult = { recording: Recording; peakMemoryKb?: number } | { error: ChildError };

// A stack frame's file, line and column: `at f (/file:1:2)` or `at /file:1:2` (node's own are `node:...`).
const FRAME = /(?:\(|^at )((?:file:\/\/)?\/[^():]+):(\d+):\d+\)?$/;

/**
 * The frames of a stack that are the user's code: every frame with a file, except node's own, the
 * Pulumi SDK's and the checker's (its checker/ and bin/ folders), which --verbose does not show.
 */
export function programFrames(stack: string, kitRoot: string): string[] {
  const internal = [path.join(kitRoot, "checker") + path.sep, path.join(kitRoot, "bin") + path.sep];
  return stack
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => {
      const file = FRAME.exec(line)?.[1].replace(/^file:\/\//, "");
      return (
        file !== undefined &&
        !file.includes(`${path.sep}node_modules${path.sep}@pulumi${path.sep}`) &&
        !internal.some((dir) => file.startsWith(dir))
      );
    });
}

/** The innermost stack frame inside the program's files, to say where a program threw. */
export function errorLocation(stack: string, programDir: string): SourceLocation | undefined {
  const root = programDir.endsWith(path.sep) ? programDir : programDir + path.sep;
  for (const line of stack.split("\n")) {
    const m = FRAME.exec(line.trim());
    if (m) {
      const file = m[1].replace(/^file:\/\//, "");
      if (file.startsWith(root) && !file.includes(`${path.sep}node_modules${path.sep}`)) {
        return { file, line: Number(m[2]) };
      }
    }
  }
  return undefined;
}

export const MESSAGE_LINES = 30;
export const MESSAGE_CHARS = 4000;

/**
 * A program's error message as the user should see it: every line (a config validation lists each key
 * it rejects on lines of its own), without stack frames, bounded in lines and characters.
 */
export function programMessage(message: string): string {
  const lines = message
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l !== "" && !/^\s+at \S/.test(l));
  const kept = lines.slice(0, MESSAGE_LINES);
  let text = kept.join("\n");
  if (text.length > MESSAGE_CHARS) {
    text = `${text.slice(0, MESSAGE_CHARS)} ...`;
  }
  const dropped = lines.length - kept.length;
  return dropped > 0 ? `${text}\n... (${dropped} more line${dropped === 1 ? "" : "s"})` : text;
}
