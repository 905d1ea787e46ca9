// chmod 000 keeps a file from every user but root, and these suites may run as root (in containers):
// as root, the process under test runs as nobody instead, so the permission is really enforced.
import { spawnSync, type SpawnSyncOptions } from "child_process";
import * as fs from "fs";
import { splitProgress } from "./cliProcess";

const NOBODY = 65534;

/** Spawn options that make the process subject to file permissions, whoever runs the tests. */
export const SUBJECT_TO_PERMISSIONS: Pick<SpawnSyncOptions, "uid" | "gid"> = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};

/** Makes `file` unreadable (mode 000), and `dir`, a private temporary folder above it, open to the process under test. */
export function deny(file: string, dir: string): string {
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(file, 0o000);
  return file;
}

/**
 * Runs `node args` from `cwd` subject to file permissions, without colour; exit code and output, with
 * the phase progress lines (whichever phases finished before the failure) taken out of stderr.
 */
export function runSubject(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, args, {
    cwd,
    encoding: "utf8",
    ...SUBJECT_TO_PERMISSIONS,
    env: { ...process.env, NO_COLOR: "1", PIPELINE_CHECK_PID_FILE: "" },
  });
  return { code: run.status, stdout: run.stdout, stderr: splitProgress(run.stderr).rest };
}
