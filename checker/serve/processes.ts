// Every child the checker starts is tracked here, so Ctrl-C, SIGTERM or an error never leaves a
// policy pack or program process behind.
import type { ChildProcess } from "child_process";

const live = new Set<ChildProcess>();
let handlersInstalled = false;

export function killAll(): void {
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

/** Registers a child; the returned function forgets it once it has exited. */
export function track(child: ChildProcess): () => void {
  live.add(child);
  return () => {
    live.delete(child);
  };
}

export function liveCount(): number {
  return live.size;
}
