// Parent side of the record stage: one child process per program, bounded by the timeout.
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CheckError } from "../errors";
import type { Recording } from "../types";
import { PARENT_MARK, track } from "../serve/processes";
import type { ChildResult, ChildSpec } from "./protocol";
import type { ProgramTarget } from "./program";
import type { StackConfig } from "./stackConfig";

export const KIT_ROOT = path.resolve(__dirname, "..", "..");

export interface RecordOptions {
  target: ProgramTarget;
  stack: string;
  organization: string;
  config: StackConfig;
  timeoutMs: number;
  /** Aborting stops the program (the check cannot go on, for example because the pack failed). */
  signal?: AbortSignal;
  /** Called with the number of resources registered so far (large programs). */
  onProgress?: (count: number) => void;
  /** Progress messages for --verbose. */
  onStatus?: (message: string) => void;
  /** Where the program's own console output goes (it must never reach our stdout). */
  onOutput?: (chunk: string) => void;
  /** Called the moment the deadline passes, before the program is gone: the run's first failure is decided then. */
  onDeadline?: () => void;
  /** Run as a preview of the deployed stack sees it: other resources' outputs known (see secondLook.ts). */
  secondLook?: boolean;
}

/** The user-facing error of a program that failed in its process; --verbose shows the program's frames under it. */
export function describeChildError(result: ChildResult, entry: string): CheckError | undefined {
  if (!("error" in result)) {
    return undefined;
  }
  const { message, compile, location, file, exitCall, frames = [] } = result.error;
  const relative = (p: string): string => path.relative(process.cwd(), p);
  const program = `program ${relative(entry)}`;
  const where = location ? ` (${relative(location.file)}:${location.line})` : "";
  const details = frames.length > 0 ? frames.map((f) => `    ${f}`).join("\n") : undefined;
  if (compile) {
    return new CheckError(`${program} failed to compile: ${message}`, details);
  }
  if (exitCall) {
    return new CheckError(`${program} called ${exitCall} before it finished${where}`, details);
  }
  if (file) {
    return new CheckError(`${relative(file)}: ${message}, read by ${program}${where}`, details);
  }
  // A multi-line message keeps its lines (bounded by the child); where it threw stays on the first.
  const [first, ...rest] = message.split("\n");
  return new CheckError(`${program} threw: ${first}${where}${rest.length > 0 ? `\n${rest.join("\n")}` : ""}`, details);
}

export async function recordProgram(options: RecordOptions): Promise<Recording> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pipeline-check-"));
  const resultFile = path.join(dir, "recording.json");
  const spec: ChildSpec = {
    project: options.target.project,
    stack: options.stack,
    organization: options.organization,
    entry: options.target.entry,
    programDir: options.target.programDir,
    kitRoot: KIT_ROOT,
    config: options.config,
    resultFile,
    ...(options.secondLook ? { secondLook: true } : {}),
  };
  try {
    const child = spawn(process.execPath, [path.join(KIT_ROOT, "bin", "record-child.js")], {
      cwd: options.target.projectDir,
      env: {
        ...process.env,
        PIPELINE_CHECK_SPEC: JSON.stringify(spec),
        PIPELINE_CHECK_WATCH_PARENT: "1",
        [PARENT_MARK]: String(process.pid),
      },
      // PIPELINE_CHECK_WATCH_PARENT: the child ends itself when the checker is gone (bin/parent-watch.js).
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    track(child, "program");
    child.stdout?.on("data", (d: Buffer) => options.onOutput?.(d.toString()));
    child.stderr?.on("data", (d: Buffer) => options.onOutput?.(d.toString()));
    child.on("message", (m: { progress?: number }) => {
      if (typeof m.progress === "number") {
        options.onProgress?.(m.progress);
      }
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      options.onDeadline?.();
      child.kill("SIGKILL");
    }, options.timeoutMs);
    const abort = (): void => {
      child.kill("SIGKILL");
    };
    options.signal?.addEventListener("abort", abort);
    // Settles only once the child is gone, so a timeout never leaves it running behind the error.
    const code = await new Promise<number | null>((resolve) => {
      child.on("exit", (c) => {
        clearTimeout(timer);
        options.signal?.removeEventListener("abort", abort);
        resolve(c);
      });
    });
    if (options.signal?.aborted) {
      throw new CheckError(`program ${options.target.entry} was stopped before it finished`);
    }
    if (timedOut) {
      throw new CheckError(`program ${options.target.entry} did not finish within ${options.timeoutMs / 1000}s (raise --timeout)`);
    }
    if (!fs.existsSync(resultFile)) {
      throw new CheckError(
        `program ${options.target.entry} exited with code ${code} before it finished (run with --verbose to see its output)`,
      );
    }
    const result = JSON.parse(fs.readFileSync(resultFile, "utf8")) as ChildResult;
    const error = describeChildError(result, options.target.entry);
    if (error) {
      throw error;
    }
    const { recording, peakMemoryKb = 0 } = result as { recording: Recording; peakMemoryKb?: number };
    options.onStatus?.(`program registered ${recording.resources.length} resources (peak memory ${Math.round(peakMemoryKb / 1024)} MB)`);
    return recording;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
