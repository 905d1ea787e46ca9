// The real CLI in a child process: whatever ends it (its timeout, Ctrl-C, SIGKILL), no process it started outlives it.
import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { BIN, expectOneLineFailure, PACK, readStarted, ROOT, runCli, scratch } from "./cliProcess";

const { dir: tmp, write } = scratch("pc-cli-");

jest.setTimeout(120_000);

const cli = (...args: string[]) => runCli(args);

describe("pipeline-check never leaves processes behind", () => {
  function children(pid: number): number[] {
    try {
      return execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
        .split("\n")
        .filter(Boolean)
        .map(Number);
    } catch {
      return [];
    }
  }
  // A killed child whose parent already exited may linger as a zombie until reaped; that is not running.
  const alive = (pid: number): boolean => {
    try {
      return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
    } catch {
      return false;
    }
  };

  it("bounds a program that never finishes with --timeout", () => {
    const file = write("hangs/index.ts", "export = new Promise(() => { setInterval(() => undefined, 1000); });\n");
    // The pack's start has a deadline of its own, far away: only the program's can decide the outcome.
    expectOneLineFailure(
      cli(file, "--policy-pack", PACK, "--timeout", "3", "--pack-timeout", "600"),
      /program .* did not finish within 3s \(raise --timeout\)$/,
    );
  });

  it("stops the program and the pack on Ctrl-C", async () => {
    const file = write("slow/index.ts", "export = new Promise(() => { setInterval(() => undefined, 1000); });\n");
    const child = spawn(process.execPath, [BIN, file, "--policy-pack", PACK, "--verbose"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    await new Promise<void>((resolve) => child.stderr.on("data", (d: Buffer) => d.toString().includes("ready") && resolve()));
    const started = children(child.pid ?? 0);
    expect(started.length).toBeGreaterThanOrEqual(1);
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    // SIGKILL was sent before the CLI exited; wait for the kernel to finish each child, however busy the
    // machine (a child that stays alive makes the test time out rather than pass).
    while (started.some(alive)) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(started.filter(alive)).toEqual([]);
  });
  it("leaves no program or pack behind when it is killed with SIGKILL, even a program that never yields", async () => {
    // The checker cannot clean up after SIGKILL: each child must notice on its own that the checker is gone.
    const file = write("spins/index.ts", 'console.error("spinning now");\nwhile (Date.now() > 0) {\n  // never yields\n}\n');
    const pidFile = path.join(tmp, "sigkill-pids");
    const child = spawn(process.execPath, [BIN, file, "--policy-pack", PACK, "--verbose"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PIPELINE_CHECK_PID_FILE: pidFile },
    });
    let stderr = "";
    await new Promise<void>((resolve) =>
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes("spinning now") && stderr.includes("ready")) {
          resolve();
        }
      }),
    );
    const started = readStarted(pidFile);
    expect(started.map((s) => s.label).sort()).toEqual(["policy pack", "program"]);
    expect(started.map((s) => s.pid).filter(alive)).toHaveLength(2);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_, signal) => resolve(signal)));
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    // Each child ends when its stdin pipe from the checker closes; a generous bound turns a child that
    // never ends into a failed assertion rather than a hung test.
    const until = Date.now() + 60_000;
    while (started.some((s) => alive(s.pid)) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(started.filter((s) => alive(s.pid))).toEqual([]);
  });
});
