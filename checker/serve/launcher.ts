// How a policy pack process is started is a pluggable detail: the engine way (run-policy-pack from the
// pack's own @pulumi/pulumi, ts-node with type checking for TS packs) is the default; a faster launcher
// (for example precompiled JS) only has to yield the same gRPC address.
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { CheckError } from "../errors";
import { PARENT_MARK, track } from "./processes";

const PARENT_WATCH = path.join(__dirname, "..", "..", "bin", "parent-watch.js");

export interface PackEnvironment {
  project: string;
  stack: string;
  organization: string;
  /** Stack config, JSON-encoded into PULUMI_CONFIG as the engine does for analyzers. */
  config: Record<string, string>;
}

export interface RunningPack {
  /** host:port of the Analyzer gRPC server. */
  address: string;
  dir: string;
  /** Kills the pack; `exited` settles once it is gone, saying how it ended ("code 7", "signal SIGKILL"). */
  stop(): void;
  exited: Promise<string>;
  /** The process's peak resident memory so far in KiB (Linux's VmHWM), while it runs; undefined where unknown. */
  peakRssKb?(): number | undefined;
}

/** VmHWM of a live process, from /proc; undefined elsewhere than Linux or once the process is gone. */
export function peakRssKb(pid: number | undefined): number | undefined {
  try {
    const line = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return line ? Number(line[1]) : undefined;
  } catch {
    return undefined;
  }
}

export interface PackLauncher {
  start(packDir: string, env: PackEnvironment, timeoutMs: number): Promise<RunningPack>;
}

function checkPackDir(packDir: string): string {
  const dir = path.resolve(packDir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new CheckError(`--policy-pack ${packDir}: no such directory`);
  }
  if (!fs.existsSync(path.join(dir, "PulumiPolicy.yaml"))) {
    throw new CheckError(`--policy-pack ${packDir}: no PulumiPolicy.yaml in ${dir}`);
  }
  return dir;
}

/** The line of a failed pack's stderr that says what went wrong (not the stack frames under it). */
export function causeOf(stderr: string): string {
  const lines = stderr
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("at "));
  const typeError = lines.find((l) => /error TS\d+/.test(l));
  if (typeError) {
    return `TypeScript error: ${typeError}`;
  }
  return lines.find((l) => /^\w*Error\b/.test(l)) ?? lines[lines.length - 1] ?? "no output";
}

function resolveRunPolicyPack(packDir: string): string {
  try {
    return require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
  } catch {
    throw new CheckError(`--policy-pack ${packDir}: @pulumi/pulumi is not installed for this pack (run npm install in it)`);
  }
}

/** Starts a pack process and resolves once it prints its port; the process is tracked until it exits. */
function servePack(packDir: string, dir: string, args: string[], env: PackEnvironment, timeoutMs: number): Promise<RunningPack> {
  const child = spawn(process.execPath, args, {
    cwd: dir,
    env: {
      ...process.env,
      PULUMI_NODEJS_PROJECT: env.project,
      PULUMI_NODEJS_STACK: env.stack,
      PULUMI_NODEJS_ORGANIZATION: env.organization,
      PULUMI_NODEJS_DRY_RUN: "true",
      PULUMI_CONFIG: JSON.stringify(env.config),
      PIPELINE_CHECK_WATCH_PARENT: "1",
      [PARENT_MARK]: String(process.pid),
    },
    // PIPELINE_CHECK_WATCH_PARENT: the pack ends itself when the checker is gone (bin/parent-watch.js).
    stdio: ["ignore", "pipe", "pipe"],
  });
  track(child, "policy pack");
  const stop = (): void => {
    child.kill("SIGKILL");
  };
  const exited = new Promise<string>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`)),
  );
  return new Promise<RunningPack>((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    let settled = false;
    const settle = (fn: () => void): void => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        fn();
      }
    };
    const timer = setTimeout(() => {
      stop();
      settle(() => reject(new CheckError(`policy pack ${packDir} did not start within ${timeoutMs / 1000}s (raise --pack-timeout)`)));
    }, timeoutMs);
    child.stdout?.on("data", (d: Buffer) => {
      if (settled) {
        // Anything a running pack prints after its port (console.log in a policy) is not ours to keep.
        return;
      }
      stdout += d.toString();
      const nl = stdout.indexOf("\n");
      if (nl >= 0) {
        const port = stdout.slice(0, nl).trim();
        if (/^\d+$/.test(port)) {
          settle(() => resolve({ address: `127.0.0.1:${port}`, dir, stop, exited, peakRssKb: () => peakRssKb(child.pid) }));
        } else {
          stop();
          settle(() => reject(new CheckError(`policy pack ${packDir} failed to load: it printed "${port}" to stdout before its port`)));
        }
      }
    });
    child.stderr?.on("data", (d: Buffer) => {
      if (!settled) {
        stderr += d.toString();
      }
    });
    child.on("exit", (code, signal) => {
      settle(() => reject(new CheckError(`policy pack ${packDir} failed to load (exit ${code ?? signal}): ${causeOf(stderr)}`)));
    });
  });
}

/** The engine's way: run-policy-pack from the pack's own @pulumi/pulumi (ts-node with type checking). */
export const engineLauncher: PackLauncher = {
  async start(packDir, env, timeoutMs) {
    const dir = checkPackDir(packDir);
    const runner = resolveRunPolicyPack(dir);
    // run-policy-pack is the SDK's, so the watch on the checker comes in through --require.
    return servePack(packDir, dir, ["--require", PARENT_WATCH, runner, "127.0.0.1:0", dir], env, timeoutMs);
  },
};

/**
 * The kit's way: the same PolicyPack, gRPC server and port line, with the TypeScript pack type-checked
 * and compiled once per change of its sources (bin/pack-runner.js). A type error fails the start
 * the way the engine's ts-node would.
 */
export const kitLauncher: PackLauncher = {
  async start(packDir, env, timeoutMs) {
    const dir = checkPackDir(packDir);
    // Same requirement as the engine's way: the pack's own SDK serves it.
    resolveRunPolicyPack(dir);
    return servePack(packDir, dir, [path.join(__dirname, "..", "..", "bin", "pack-runner.js")], env, timeoutMs);
  },
};
