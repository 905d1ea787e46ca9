// Starting the policy pack the way the engine does and opening its analyzer session: one pack can serve
// many checks (npm start, the test suites), so it has an entry of its own.
import * as fs from "fs";
import * as path from "path";
import { packProcesses, SPREAD_THRESHOLD } from "./analyze/lanes";
import { AnalyzerSession, type StackIdentity } from "./analyze/session";
import { CheckError } from "./errors";
import { readPolicyConfigFile, type PolicyConfigFile } from "./analyze/policyConfig";
import type { PackPolicyConfig } from "./configCheck";
import { KIT_ROOT } from "./record/run";
import { kitLauncher, type PackEnvironment, type PackLauncher, type RunningPack } from "./serve/launcher";
import { installSignalHandlers } from "./serve/processes";
import type { PhaseEvent } from "./types";

/** The organization a check runs in when none is given. */
export const DEFAULT_ORGANIZATION = "organization";

export interface PackHandle {
  session: AnalyzerSession;
  running: RunningPack;
  serveMs: number;
  stop(): void;
  /** Settles once the pack's process is gone (and any further ones a large stack started), saying how the first ended. */
  exited: Promise<string>;
  /** The largest peak resident memory (KiB) of the pack's processes, read while they run. */
  peakRssKb(): number | undefined;
  /** How the pack was configured, for the config check. */
  policyConfig: PackPolicyConfig;
}

export interface PackOptions {
  policyPack?: string;
  policyPackConfig?: string;
  project: string;
  stack: string;
  organization?: string;
  config?: Record<string, string>;
  /** Keys of `config` that are secrets, for ConfigureStack. */
  secretKeys?: string[];
  /** Stack tags for ConfigureStack. */
  tags?: Record<string, string>;
  timeoutSeconds?: number;
  launcher?: PackLauncher;
  onStatus?: (message: string) => void;
  /** Called once the pack is configured and ready. */
  onPhase?: (event: PhaseEvent) => void;
  /** Pack processes in all for stacks of `threshold` resources or more (default: packProcesses(), SPREAD_THRESHOLD). */
  spread?: { processes: number; threshold: number };
}

/** The pack a check uses when none is given: `policies` here, else the kit's own. */
export function defaultPackDir(): string {
  return fs.existsSync(path.resolve("policies")) ? "policies" : path.join(KIT_ROOT, "policies");
}

/** The policy-pack config file the user named, read; undefined when none was named. */
export function userPolicyConfig(file: string | undefined): PolicyConfigFile | undefined {
  return file ? readPolicyConfigFile(file) : undefined;
}

/** One pack process, started, its session opened and configured. */
interface OpenPack {
  session: AnalyzerSession;
  running: RunningPack;
  reconciled: PackPolicyConfig["reconciled"];
}

async function openPack(
  start: () => Promise<RunningPack>,
  identity: StackIdentity,
  userConfig: PolicyConfigFile | undefined,
): Promise<OpenPack> {
  const running = await start();
  try {
    const session = await AnalyzerSession.open(running.address, running.dir, { stack: identity });
    const reconciled = await session.configure(userConfig?.entries ?? {}, userConfig?.file ?? "policy config");
    return { session, running, reconciled };
  } catch (e) {
    running.stop();
    await running.exited;
    throw e;
  }
}

/** Further processes of the pack, started and configured as the first; none is left running if one fails. */
async function openMore(
  count: number,
  start: () => Promise<RunningPack>,
  identity: StackIdentity,
  userConfig?: PolicyConfigFile,
): Promise<OpenPack[]> {
  const opened = await Promise.allSettled(Array.from({ length: count }, () => openPack(start, identity, userConfig)));
  const failed = opened.find((o) => o.status === "rejected");
  if (!failed) {
    return opened.map((o) => (o as PromiseFulfilledResult<OpenPack>).value);
  }
  for (const o of opened) {
    if (o.status === "fulfilled") {
      o.value.session.close();
      o.value.running.stop();
      await o.value.running.exited;
    }
  }
  throw failed.reason;
}

/** Starts the pack, configures it from the user's policy-pack config and opens its analyzer session. */
export async function startPack(options: PackOptions, userConfig = userPolicyConfig(options.policyPackConfig)): Promise<PackHandle> {
  installSignalHandlers();
  const started = Date.now();
  const launcher = options.launcher ?? kitLauncher;
  const packDir = options.policyPack ?? defaultPackDir();
  const status = options.onStatus;
  status?.(`starting policy pack ${packDir} ...`);
  // A TypeScript pack is type-checked while it loads, which takes seconds: say it is still going.
  const ticker = status
    ? setInterval(() => status(`policy pack still starting (${Math.round((Date.now() - started) / 1000)}s) ...`), 3000)
    : undefined;
  ticker?.unref();
  const env: PackEnvironment = {
    project: options.project,
    stack: options.stack,
    organization: options.organization ?? DEFAULT_ORGANIZATION,
    config: options.config ?? {},
  };
  const identity: StackIdentity = { ...env, secretKeys: options.secretKeys ?? [], tags: options.tags ?? {} };
  const start = (): Promise<RunningPack> => launcher.start(packDir, env, (options.timeoutSeconds ?? 300) * 1000);
  const { session, running, reconciled } = await openPack(() => start().finally(() => clearInterval(ticker)), identity, userConfig);
  const more: OpenPack[] = [];
  const spread = options.spread ?? { processes: packProcesses(), threshold: SPREAD_THRESHOLD };
  if (spread.processes > 1) {
    session.spreadOver(async () => {
      more.push(...(await openMore(spread.processes - 1, start, identity, userConfig)));
      return more.map((m) => m.session);
    }, spread.threshold);
  }
  options.onStatus?.(`policy pack ${session.info.name}@${session.info.version} ready (${session.info.policies.length} policies)`);
  options.onPhase?.({
    phase: "pack",
    name: session.info.name,
    version: session.info.version,
    policies: session.info.policies.length,
    ms: Date.now() - started,
  });
  const all = (): OpenPack[] => [{ session, running, reconciled }, ...more];
  return {
    session,
    running,
    serveMs: Date.now() - started,
    exited: running.exited.then(async (how) => {
      await Promise.all(more.map((m) => m.running.exited));
      return how;
    }),
    policyConfig: { file: userConfig, reconciled },
    peakRssKb: () => Math.max(...all().map((p) => p.running.peakRssKb?.() ?? 0)) || undefined,
    stop: () => {
      for (const p of all()) {
        p.session.close();
        p.running.stop();
      }
    },
  };
}

/** A pack that died mid-run shows only as a dropped connection; say that the process ended, and how. */
export async function withPackExit(error: unknown, running: RunningPack): Promise<unknown> {
  if (!(error instanceof CheckError)) {
    return error;
  }
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), 1000);
  });
  const ended = await Promise.race([running.exited, grace]);
  clearTimeout(timer);
  return ended ? new CheckError(`${error.message} (the policy pack process exited with ${ended})`) : error;
}
