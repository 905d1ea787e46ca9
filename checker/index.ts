// Programmatic entry: runCheck(options) records a program (or reads a stack export), serves the pack,
// analyzes, and returns the report plus timings. startPack lets callers reuse one pack for many targets.
import { CheckError } from "./errors";
import { buildReport, withViolations } from "./analyze/interpret";
import { configFindings, unusedEntriesWarning } from "./configCheck";
import { DEFAULT_ORGANIZATION, startPack, userPolicyConfig, withPackExit, type PackHandle } from "./pack";
import { unansweredFunctions } from "./report/unanswered";
import type { PackLauncher } from "./serve/launcher";
import { installSignalHandlers } from "./serve/processes";
import { secondLookFindings, undecidedCore } from "./secondLook";
import { target } from "./target";
import type { CheckReport, PackInfo, PhaseEvent, Recording, SourceLocation, Timings } from "./types";

export { DEFAULT_ORGANIZATION, defaultPackDir, startPack, type PackHandle, type PackOptions } from "./pack";
export { defaultProgramDir } from "./target";

export interface CheckOptions {
  program?: string;
  policyPack?: string;
  policyPackConfig?: string;
  stack?: string;
  config?: string[];
  /** `key=value` stack tags, added to the ones the backend derives (pulumi:project, pulumi:runtime, ...). */
  stackTags?: string[];
  state?: string;
  /** A stack export already read, judged as `state` would be (an audit reads each export once). */
  exported?: Recording;
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
  /** The pack processes' largest peak resident memory in KiB, where the system tells it (--verbose prints it). */
  packPeakRssKb?: number;
  secondLook: SecondLookState;
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
      packPeakRssKb: pack.value.peakRssKb(),
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
