// Runs a program through the real engine, `pulumi preview --policy-pack` (or `up`), with a local file
// backend in a temporary folder and the model provider plugins: nothing touches the network.
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { eventLines } from "./events";
import { KIT_ROOT, type Engine } from "./locate";

/** A program as the engine sees it: a project (Pulumi.yaml) and a stack with its config file. */
export interface EngineTarget {
  /** Unique among the targets of one run: names the work folder. */
  label: string;
  project: string;
  /** Absolute path of the program's entry file. */
  entry: string;
  stack: string;
  /** The project's Pulumi.yaml, whose `config:` declarations are kept; `main` is pointed at `entry`. */
  projectFile?: string;
  /** Pulumi.<stack>.yaml to use as the stack's config. */
  stackConfigFile?: string;
  /** Extra `key=value` config, as `pulumi config set` would add it. */
  config?: string[];
}

/** How to run it. */
export interface EngineRunOptions {
  policyPack?: string;
  policyPackConfig?: string;
  /** `preview` (the default) or `up`; `up` leaves the stack in the work folder for `stack export`. */
  command?: "preview" | "up";
  timeoutMs?: number;
}

/** What one run left behind. */
export interface EngineRunResult {
  exitCode: number;
  eventLog: string;
  stdout: string;
  stderr: string;
  /** The work folder: Pulumi.yaml, the stack's config, the state backend. */
  workDir: string;
}

let runs = 0;

function workFolder(label: string): string {
  const dir = path.join(KIT_ROOT, ".engine-work", `${label.replace(/[^A-Za-z0-9_.-]/g, "_")}-${process.pid}-${runs++}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, "state"), { recursive: true });
  fs.mkdirSync(path.join(dir, "home"), { recursive: true });
  return dir;
}

/** The environment every engine command runs in: local state, no update check, no plugin downloads. */
export function engineEnv(engine: Engine, workDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: [...engine.pathDirs, process.env.PATH ?? ""].join(path.delimiter),
    PULUMI_HOME: path.join(workDir, "home"),
    PULUMI_BACKEND_URL: `file://${path.join(workDir, "state")}`,
    PULUMI_CONFIG_PASSPHRASE: "",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_ENABLE_STREAMING_JSON_PREVIEW: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_SKIP_CONFIRMATIONS: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    // Programs are type-checked by `npm run typecheck`; the engine need not do it again for each run.
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
    NO_COLOR: "1",
  };
}

/** Runs one engine command; resolves with its exit code and output, never rejects on a non-zero exit. */
export function runEngine(
  engine: Engine,
  args: string[],
  workDir: string,
  timeoutMs: number,
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(engine.pulumi, args, { cwd: workDir, env: engineEnv(engine, workDir), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}

function writeProject(target: EngineTarget, workDir: string): void {
  const declared = target.projectFile ? (yaml.load(fs.readFileSync(target.projectFile, "utf8")) as Record<string, unknown>) : {};
  const project = { ...declared, name: target.project, runtime: "nodejs", main: target.entry };
  fs.writeFileSync(path.join(workDir, "Pulumi.yaml"), yaml.dump(project));
  if (target.stackConfigFile) {
    fs.copyFileSync(target.stackConfigFile, path.join(workDir, `Pulumi.${target.stack}.yaml`));
  }
}

/** Creates the stack in a fresh work folder and runs `pulumi preview|up --policy-pack` on it. */
export async function runThroughEngine(engine: Engine, target: EngineTarget, options: EngineRunOptions = {}): Promise<EngineRunResult> {
  const workDir = workFolder(target.label);
  const timeoutMs = options.timeoutMs ?? 600_000;
  writeProject(target, workDir);
  const fail = (what: string, r: { exitCode: number; stdout: string; stderr: string }): never => {
    throw new Error(`${what} failed (exit ${r.exitCode}) in ${workDir}:\n${r.stdout}\n${r.stderr}`);
  };
  const init = await runEngine(engine, ["stack", "init", target.stack, "--non-interactive"], workDir, timeoutMs);
  if (init.exitCode !== 0) {
    fail("pulumi stack init", init);
  }
  for (const pair of target.config ?? []) {
    const set = await runEngine(engine, ["config", "set", "--path", ...splitPair(pair), "--stack", target.stack], workDir, timeoutMs);
    if (set.exitCode !== 0) {
      fail(`pulumi config set ${pair}`, set);
    }
  }
  // With --json and streaming on, the engine writes one event per line on stdout (this CLI has no --event-log).
  const args = [
    options.command ?? "preview",
    "--json",
    "--non-interactive",
    "--stack",
    target.stack,
    "--policy-pack",
    path.resolve(options.policyPack ?? path.join(KIT_ROOT, "policies")),
  ];
  if (options.command === "up") {
    args.push("--yes", "--skip-preview");
  }
  if (options.policyPackConfig) {
    args.push("--policy-pack-config", path.resolve(options.policyPackConfig));
  }
  const run = await runEngine(engine, args, workDir, timeoutMs);
  return { ...run, eventLog: eventLines(run.stdout), workDir };
}

function splitPair(pair: string): [string, string] {
  const cut = pair.indexOf("=");
  return [pair.slice(0, cut), pair.slice(cut + 1)];
}
