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
  message: string;
  /** True when the program did not compile (syntax error), false when it threw. */
  compile: boolean;
  location?: SourceLocation;
}

/** peakMemoryKb: the child's peak resident set size, which --verbose reports. */
export type ChildResult = { recording: Recording; peakMemoryKb?: number } | { error: ChildError };

/** The innermost stack frame inside the program's files, to say where a program threw. */
export function errorLocation(stack: string, programDir: string): SourceLocation | undefined {
  const root = programDir.endsWith(path.sep) ? programDir : programDir + path.sep;
  for (const line of stack.split("\n")) {
    const m = /\(?((?:file:\/\/)?\/[^():]+):(\d+):\d+\)?$/.exec(line.trim());
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
  const lines = message.split("\n").map((l) => l.trimEnd()).filter((l) => l !== "" && !/^\s+at \S/.test(l));
  const kept = lines.slice(0, MESSAGE_LINES);
  let text = kept.join("\n");
  if (text.length > MESSAGE_CHARS) {
    text = `${text.slice(0, MESSAGE_CHARS)} ...`;
  }
  const dropped = lines.length - kept.length;
  return dropped > 0 ? `${text}\n... (${dropped} more line${dropped === 1 ? "" : "s"})` : text;
}
