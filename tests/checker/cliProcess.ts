// The real CLI in a child process, for the tests that judge it from outside: exit code, output, and
// every process it started (the CLI appends each child's pid and label to PIPELINE_CHECK_PID_FILE).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const BIN = path.join(ROOT, "bin", "pipeline-check.js");
/** The small JavaScript pack and program the checker's tests share. */
export const PACK = path.join(__dirname, "packs", "basic");
export const PROGRAM = path.join(__dirname, "programs", "basic.ts");

export interface Started {
  pid: number;
  label: string;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  /** stderr without the progress lines, which are in `progress`: what the user is told besides progress. */
  stderr: string;
  /** The one-per-phase progress lines a run whose stderr is not a terminal prints, in their order. */
  progress: string[];
  started: Started[];
}

/** A progress line of a finished phase (checker/report/progress.ts), as a CI log shows it. */
export const PROGRESS_LINE = /^(record|pack|analyze|second look): .* \(\d+\.\d s\)$/;

/** stderr split into its progress lines and everything else (kept as written, newlines included). */
export function splitProgress(stderr: string): { rest: string; progress: string[] } {
  const lines = stderr.split(/(?<=\n)/);
  const isProgress = (line: string): boolean => PROGRESS_LINE.test(line.trimEnd());
  return { rest: lines.filter((l) => !isProgress(l)).join(""), progress: lines.filter(isProgress).map((l) => l.trimEnd()) };
}

/** A temporary folder for one test file, and a writer of files (with their folders) inside it. */
export function scratch(prefix: string): { dir: string; write(name: string, text: string | Buffer): string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    write(name, text) {
      const file = path.join(dir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      return file;
    },
  };
}

/** The processes a CLI run listed in its PIPELINE_CHECK_PID_FILE, one `<pid> <label>` line each. */
export function readStarted(pidFile: string): Started[] {
  return fs
    .readFileSync(pidFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => ({ pid: Number(l.split(" ")[0]), label: l.slice(l.indexOf(" ") + 1) }));
}

/** Asserts the CLI's answer to a user mistake: exit 2, nothing on stdout, one stderr line matching `cause`, no stack. */
export function expectOneLineFailure(run: CliRun, cause: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  const lines = run.stderr.split("\n").filter((l) => l !== "");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(cause);
  expect(run.stderr).not.toMatch(/^ {4}at /m);
}

const pids = scratch("pc-pids-");
let runs = 0;

/** Runs `pipeline-check args` to its end, from the kit's root, without colour. */
export function runCli(args: string[], env: Record<string, string> = {}): CliRun {
  const pidFile = path.join(pids.dir, `run-${++runs}`);
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: { ...process.env, NO_COLOR: "1", PIPELINE_CHECK_PID_FILE: pidFile, ...env },
  });
  const started = fs.existsSync(pidFile) ? readStarted(pidFile) : [];
  const { rest, progress } = splitProgress(run.stderr);
  return { code: run.status, stdout: run.stdout, stderr: rest, progress, started };
}
