// Programmatic entry: runCheck(options) records a program (or reads a stack export), serves the pack,
// analyzes, and returns the report plus timings. startPack lets callers reuse one pack for many targets.
import * as fs from "fs";
import * as path from "path";
import { AnalyzerSession } from "./analyze/session";
import { CheckError } from "./errors";
import { buildReport, withViolations } from "./analyze/interpret";
import { readPolicyConfigFile, type PolicyConfigFile } from "./analyze/policyConfig";
import { configFindings, unusedEntriesWarning, type PackPolicyConfig } from "./configCheck";
import { resolveProgram } from "./record/program";
import { KIT_ROOT, recordProgram } from "./record/run";
import { stackConfig, type StackConfig } from "./record/stackConfig";
import { readStateExport } from "./record/stateExport";
import { unansweredFunctions } from "./report/unanswered";
import { kitLauncher, type PackLauncher, type RunningPack } from "./serve/launcher";
import { installSignalHandlers } from "./serve/processes";
import { environmentTags, parseStackTagFlags } from "./stackTags";
import { secondLookFindings, undecidedCore } from "./secondLook";
import type { CheckReport, PackInfo, PhaseEvent, Recording, SourceLocation, Timings } from "./types";

export const DEFAULT_ORGANIZATION = "organization";

export interface CheckOptions {
  program?: string;
  policyPack?: string;
  policyPackConfig?: string;
  stack?: string;
  config?: string[];
  /** `key=value` stack tags, added to the ones the backend derives (pulumi:project, pulumi:runtime, ...). */
  stackTags?: string[];
  state?: string;
  /** Bounds the program's run (default 300). */
  timeoutSeconds?: number;
  /** Bounds the pack's start, a deadline of its own (default: timeoutSeconds). */
  packTimeoutSeconds?: number;
  organization?: string;
  launcher?: PackLauncher;
  /** A pack already started with startPack (npm start, test suites); left running afterwards. */
  pack?: PackHandle;
  onStatus?: (message: string) => void;
  /** Called once as each phase finishes: record, pack start (own pack only), analyze, second look. */
  onPhase?: (event: PhaseEvent) => void;
  onProgramOutput?: (chunk: string) => void;
  /**
   * The second look (default on): when a core policy is undecided, run the program again with the
   * outputs a deployed stack would have and report what that decides (checker/secondLook.ts).
   */
  secondLook?: boolean;
}

/** Whether the second look ran: off (disabled, or a stack export), not needed (no undecided core finding), ran. */
export type SecondLookState = "off" | "not needed" | "ran";

export interface CheckResult extends CheckReport {
  timings: Timings;
  pack: PackInfo;
  /** Entry file of the program (or the state file): the fallback location of findings. */
  entry: string;
  /** Where each resource was declared, by URN, when the recorder could tell. */
  locations: Map<string, SourceLocation>;
  /** Remote components (`type "name"`) whose children no policy saw: only a real preview builds them. */
  unseen: string[];
  /** What the user should know about how the target was judged (the CLI prints each as `warning:`). */
  warnings: string[];
  secondLook: SecondLookState;
}

export interface PackHandle {
  session: AnalyzerSession;
  running: RunningPack;
  serveMs: number;
  stop(): void;
  /** Settles once the pack's process is gone. */
  exited: Promise<string>;
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
}

export function defaultPackDir(): string {
  return fs.existsSync(path.resolve("policies")) ? "policies" : path.join(KIT_ROOT, "policies");
}

export function defaultProgramDir(): string {
  return fs.existsSync(path.resolve("Pulumi.yaml")) ? process.cwd() : KIT_ROOT;
}

function userPolicyConfig(file: string | undefined): PolicyConfigFile | undefined {
  return file ? readPolicyConfigFile(file) : undefined;
}

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
  const running = await launcher
    .start(
      packDir,
      {
        project: options.project,
        stack: options.stack,
        organization: options.organization ?? DEFAULT_ORGANIZATION,
        config: options.config ?? {},
      },
      (options.timeoutSeconds ?? 300) * 1000,
    )
    .finally(() => clearInterval(ticker));
  try {
    const session = await AnalyzerSession.open(running.address, running.dir, {
      stack: {
        project: options.project,
        stack: options.stack,
        organization: options.organization ?? DEFAULT_ORGANIZATION,
        config: options.config ?? {},
        secretKeys: options.secretKeys ?? [],
        tags: options.tags ?? {},
      },
    });
    const reconciled = await session.configure(userConfig?.entries ?? {}, userConfig?.file ?? "policy config");
    options.onStatus?.(`policy pack ${session.info.name}@${session.info.version} ready (${session.info.policies.length} policies)`);
    options.onPhase?.({
      phase: "pack",
      name: session.info.name,
      version: session.info.version,
      policies: session.info.policies.length,
      ms: Date.now() - started,
    });
    return {
      session,
      running,
      serveMs: Date.now() - started,
      exited: running.exited,
      policyConfig: { file: userConfig, reconciled },
      stop: () => {
        session.close();
        running.stop();
      },
    };
  } catch (e) {
    running.stop();
    await running.exited;
    throw e;
  }
}

interface Target {
  /** `secondLook`: run as a preview of the deployed stack sees it (programs only). */
  recording: (signal: AbortSignal, secondLook?: boolean) => Promise<Recording>;
  /** A program can be run again for the second look; a stack export cannot. */
  program: boolean;
  project: string;
  stack: string;
  config: StackConfig;
  tags: Record<string, string>;
  /** A stack export without resources: like `pulumi policy analyze`, nothing is analyzed. */
  empty?: Recording;
}

function target(options: CheckOptions, stack: string, organization: string, onDeadline: () => void): Target {
  const userTags = parseStackTagFlags(options.stackTags ?? []);
  if (options.state) {
    const recording = readStateExport(options.state);
    return {
      recording: async () => recording,
      program: false,
      project: recording.project,
      stack: recording.stack || stack,
      config: { values: {}, secretKeys: [] },
      tags: userTags,
      empty: recording.resources.length === 0 ? recording : undefined,
    };
  }
  const program = resolveProgram(options.program, defaultProgramDir());
  const config = stackConfig(program.projectDir, stack, program.project, options.config ?? []);
  return {
    project: program.project,
    stack,
    config,
    program: true,
    tags: { ...environmentTags(program.projectDir, program.project, config.values), ...userTags },
    recording: (signal, secondLook) =>
      recordProgram({
        target: program,
        stack,
        organization,
        config,
        signal,
        secondLook,
        timeoutMs: (options.timeoutSeconds ?? 300) * 1000,
        onProgress: (n) => options.onStatus?.(`recorded ${n} resources ...`),
        onStatus: options.onStatus,
        onOutput: options.onProgramOutput,
        onDeadline,
      }),
  };
}

/** A pack that died mid-run shows only as a dropped connection; say that the process ended, and how. */
async function withPackExit(error: unknown, running: RunningPack): Promise<unknown> {
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

export async function runCheck(options: CheckOptions = {}): Promise<CheckResult> {
  installSignalHandlers();
  const stack = options.stack ?? "dev";
  const organization = options.organization ?? DEFAULT_ORGANIZATION;
  // Which stage failed first is decided when it fails (its deadline passing included), not when its
  // promise settles: a killed program settles only once its process is gone, later than the instant.
  let firstFailure: "record" | "pack" | undefined;
  const what = target(options, stack, organization, () => {
    firstFailure ??= "record";
  });
  const userConfig = userPolicyConfig(options.policyPackConfig);
  if (what.empty) {
    options.onPhase?.({ phase: "record", resources: 0, ms: 0, state: true });
    return emptyResult(what.empty, options.pack?.session.info);
  }

  const recordStart = Date.now();
  let recordMs = 0;
  const stopRecording = new AbortController();
  const recording = what.recording(stopRecording.signal).then(
    (r) => {
      recordMs = Date.now() - recordStart;
      options.onPhase?.({ phase: "record", resources: r.resources.length, ms: recordMs, state: !what.program });
      return r;
    },
    (e: unknown) => {
      firstFailure ??= "record";
      throw e;
    },
  );
  const packPromise = options.pack
    ? Promise.resolve(options.pack)
    : startPack(
        {
          ...options,
          timeoutSeconds: options.packTimeoutSeconds ?? options.timeoutSeconds,
          project: what.project,
          stack: what.stack,
          organization,
          config: what.config.values,
          secretKeys: what.config.secretKeys,
          tags: what.tags,
        },
        userConfig,
      );
  // A pack that cannot start makes the program's run pointless: stop it rather than wait up to --timeout.
  packPromise.catch(() => {
    firstFailure ??= "pack";
    stopRecording.abort();
  });
  // Both run at once; whichever fails first decides the error, and a started pack is always stopped.
  const [recorded, pack] = await Promise.allSettled([recording, packPromise]);
  const ownPack = !options.pack && pack.status === "fulfilled" ? pack.value : undefined;
  try {
    if (pack.status === "rejected" && firstFailure === "pack") {
      throw pack.reason;
    }
    if (recorded.status === "rejected") {
      throw recorded.reason;
    }
    if (pack.status === "rejected") {
      throw pack.reason;
    }
    const analyzeStart = Date.now();
    const running = pack.value.running;
    const analyze = (recording: Recording): Promise<CheckReport> =>
      pack.value.session
        .analyze(recording, {
          project: recording.project,
          stack: recording.stack,
          organization,
          config: what.config.values,
          secretKeys: what.config.secretKeys,
          tags: what.tags,
        })
        .then((analyzed) =>
          buildReport(analyzed.resources, analyzed.diagnostics, analyzed.remediated, unansweredFunctions(recording.invokes)),
        )
        .catch(async (e: unknown) => {
          throw await withPackExit(e, running);
        });
    const firstLook = await analyze(recorded.value);
    options.onPhase?.({ phase: "analyze", report: firstLook, ms: Date.now() - analyzeStart });
    const secondLookWarnings: string[] = [];
    let secondLook: SecondLookState = options.secondLook === false || !what.program ? "off" : "not needed";
    let report = firstLook;
    const undecided = undecidedCore(firstLook);
    if (secondLook === "not needed" && undecided.size > 0) {
      secondLook = "ran";
      options.onStatus?.(
        `second look: ${undecided.size} core finding(s) undecided, running the program with the outputs a deployed stack would have ...`,
      );
      const secondStart = Date.now();
      let decided: number | undefined;
      try {
        const second = await what.recording(new AbortController().signal, true);
        const found = secondLookFindings(undecided, await analyze(second), second);
        decided = found.length;
        report = withViolations(firstLook, found);
      } catch (e) {
        // The first look stands on its own: a second look that cannot run is said, not fatal.
        if (!(e instanceof CheckError)) {
          throw e;
        }
        secondLookWarnings.push(`second look not done: ${e.message}`);
      }
      options.onPhase?.({ phase: "second look", undecided: undecided.size, decided, ms: Date.now() - secondStart });
    }
    const packConfig = pack.value.policyConfig;
    const configChecked = configFindings(packConfig, pack.value.session.info, {
      project: recorded.value.project,
      stack: recorded.value.stack,
      resources: recorded.value.resources,
    });
    report = withViolations(report, configChecked);
    const locations = new Map<string, SourceLocation>();
    for (const r of recorded.value.resources) {
      if (r.location) {
        locations.set(r.urn, r.location);
      }
    }
    const parents = new Set(recorded.value.resources.map((r) => r.parent));
    const unseen = recorded.value.resources.filter((r) => r.remote && !parents.has(r.urn)).map((r) => `${r.type} "${r.name}"`);
    return {
      ...report,
      timings: { record: recordMs, serve: options.pack ? 0 : pack.value.serveMs, analyze: Date.now() - analyzeStart },
      pack: pack.value.session.info,
      entry: recorded.value.entry,
      locations,
      unseen,
      warnings: [...unusedEntriesWarning(packConfig, pack.value.session.info), ...(recorded.value.warnings ?? []), ...secondLookWarnings],
      secondLook,
    };
  } finally {
    if (ownPack) {
      ownPack.stop();
      await ownPack.exited;
    }
  }
}

/** `pulumi policy analyze` on a snapshot without resources says so and loads no pack; so does the checker. */
function emptyResult(recording: Recording, pack: PackInfo = { name: "", version: "", policies: [] }): CheckResult {
  return {
    resources: 0,
    violations: [],
    waived: [],
    undecided: [],
    remediated: [],
    unansweredFunctions: [],
    timings: { record: 0, serve: 0, analyze: 0 },
    pack,
    entry: recording.entry,
    locations: new Map(),
    unseen: [],
    warnings: recording.warnings ?? [],
    secondLook: "off",
  };
}

export type { CheckReport, Finding, PackInfo, Remediated } from "./types";
