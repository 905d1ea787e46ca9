// An audit: many stack exports judged by one pack process, started once and configured once, then per
// stack the same calls a single `--state` check makes (runCheck with the shared pack), in the order the
// exports were given. An export that cannot be read is reported with its reason and the audit goes on.
import { mandatoryCount } from "../analyze/interpret";
import { CheckError, messageOf } from "../errors";
import { runCheck } from "../index";
import { startPack, userPolicyConfig, type PackHandle } from "../pack";
import { TOOL } from "../report/formats";
import { jsonReport, reportLocation } from "../report/json";
import { readStateExport } from "../record/stateExport";
import type { PackLauncher } from "../serve/launcher";
import { parseStackTagFlags } from "../stackTags";
import type { PhaseEvent, Recording } from "../types";
import { auditReport, stackId, type AuditReport, type AuditStack, type Unreadable } from "./report";
import { expandSources, type AuditSource } from "./sources";

export interface AuditOptions {
  /** The --state values: files, directories and globs. */
  sources: readonly string[];
  policyPack?: string;
  policyPackConfig?: string;
  stackTags?: string[];
  organization?: string;
  /** Bounds the pack's start (default 300). */
  packTimeoutSeconds?: number;
  launcher?: PackLauncher;
  /** Report paths (each export's, a finding's location) are relative to it. */
  root: string;
  toolVersion: string;
  onStatus?: (message: string) => void;
  /** The pack's phase, once it is ready. */
  onPhase?: (event: PhaseEvent) => void;
  /** After each export: how many are done, of how many, and how they went so far. */
  onProgress?: (progress: AuditProgress) => void;
}

export interface AuditProgress {
  done: number;
  total: number;
  unreadable: number;
  failing: number;
}

export interface AuditResult {
  report: AuditReport;
  /** What the user should know about how stacks were judged, each once (the CLI prints them as `warning:`). */
  warnings: string[];
}

/** The export's stack, or why it cannot be judged. */
function readSource(source: AuditSource, seen: Map<string, string>, shown: string): Recording | string {
  if (source.problem) {
    return source.problem;
  }
  let recording: Recording;
  try {
    recording = readStateExport(source.file);
  } catch (e) {
    if (!(e instanceof CheckError)) {
      throw e;
    }
    const prefix = `--state ${source.file}: `;
    return e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
  }
  if (recording.resources.length === 0) {
    return "no resources, so no URN names its project and stack";
  }
  const id = stackId(recording);
  const first = seen.get(id);
  if (first !== undefined) {
    return `the same stack (${id}) as ${first}`;
  }
  seen.set(id, shown);
  return recording;
}

export async function runAudit(options: AuditOptions): Promise<AuditResult> {
  const userConfig = userPolicyConfig(options.policyPackConfig);
  const sources = expandSources(options.sources);
  const tool = { name: TOOL, version: options.toolVersion };
  const stacks: AuditStack[] = [];
  const unreadable: Unreadable[] = [];
  const warnings = new Set<string>();
  const seen = new Map<string, string>();
  let pack: PackHandle | undefined;
  let failing = 0;
  try {
    for (const [i, source] of sources.entries()) {
      const shown = reportLocation({ file: source.file, line: 1 }, options.root).file;
      const read = readSource(source, seen, shown);
      if (typeof read === "string") {
        unreadable.push({ source: shown, reason: read });
      } else {
        // Started for the first stack that needs it: its project and stack are the pack process's.
        pack ??= await startPack(
          {
            policyPack: options.policyPack,
            project: read.project,
            stack: read.stack,
            organization: options.organization,
            tags: parseStackTagFlags(options.stackTags ?? []),
            timeoutSeconds: options.packTimeoutSeconds,
            launcher: options.launcher,
            onStatus: options.onStatus,
            onPhase: options.onPhase,
          },
          userConfig,
        );
        const result = await runCheck({ exported: read, pack, stackTags: options.stackTags, organization: options.organization }).catch(
          (e: unknown) => {
            throw e instanceof CheckError ? new CheckError(`${source.file}: ${messageOf(e)}`, e.details) : e;
          },
        );
        result.warnings.forEach((w) => warnings.add(w));
        const report = jsonReport(result, { tool, pack: result.pack, locations: result.locations, root: options.root });
        stacks.push({ source: shown, project: read.project, stack: read.stack, report });
        failing += mandatoryCount(result) > 0 ? 1 : 0;
      }
      options.onProgress?.({ done: i + 1, total: sources.length, unreadable: unreadable.length, failing });
    }
  } finally {
    pack?.stop();
    await pack?.exited;
  }
  const info = pack?.session.info ?? { name: "", version: "", policies: [] };
  const levels = pack?.session.packLevels() ?? {};
  const head = {
    tool,
    pack: { name: info.name, version: info.version },
    policyConfig: (pack?.policyConfig.reconciled.config ?? {}) as Record<string, unknown>,
    policies: info.policies.map((p) => ({ ...p, enforcementLevel: levels[p.name] })),
  };
  return { report: auditReport(head, stacks, unreadable), warnings: [...warnings] };
}
