// Every child the checker starts is tracked here, so Ctrl-C, SIGTERM or an error never leaves a
// policy pack or program process behind.
import type { ChildProcess } from "child_process";
import * as fs from "fs";

const live = new Set<ChildProcess>();
let handlersInstalled = false;

function killAll(): void {
  for (const child of live) {
    child.kill("SIGKILL");
  }
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  killAll();
  process.exit(signal === "SIGINT" ? 130 : 143);
}

export function installSignalHandlers(): void {
  if (handlersInstalled) {
    return;
  }
  handlersInstalled = true;
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  process.once("exit", killAll);
}

/**
 * The environment entry, holding the checker's pid, that marks a process the checker started: the
 * internal entry points (bin/record-child.js, bin/pack-runner.js) refuse to run without it (bin/internal.js).
 */
export const PARENT_MARK = "PIPELINE_CHECK_PARENT";

/**
 * Registers a child until it exits. With PIPELINE_CHECK_PID_FILE set, its pid and label are appended
 * to that file, so tests and wrappers can verify that nothing the checker started outlives it.
 */
export function track(child: ChildProcess, label: string): void {
  live.add(child);
  child.once("exit", () => live.delete(child));
  const pidFile = process.env.PIPELINE_CHECK_PID_FILE;
  if (pidFile && child.pid !== undefined) {
    fs.appendFileSync(pidFile, `${child.pid} ${label}\n`);
  }
}

/**
 * Kills every child still running and waits until each has exited, so the checker reaps them itself
 * (an exited parent would leave them to whoever adopts them, as zombies until reaped).
 */
export async function stopAll(): Promise<void> {
  const waits = [...live].map(
    (child) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve();
          return;
        }
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
  );
  await Promise.all(waits);
  live.clear();
}

export function liveCount(): number {
  return live.size;
}
