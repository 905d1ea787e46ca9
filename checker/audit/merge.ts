// `pipeline-check merge`: the JSON audit reports of shards (one CI job per list of exports) combined into
// the report one unsharded run over all their exports gives. Shards must have been judged alike (the
// same kit, pack and effective policy config) and hold disjoint stacks; anything else is refused.
import { isRecord } from "../../model";
import { CheckError } from "../errors";
import { JSON_SCHEMA_VERSION } from "../report/json";
import { readUtf8, printable } from "../record/text";
import { auditReport, stackId, type AuditHead, type AuditReport, type AuditStack, type Unreadable } from "./report";

/** A shard's audit report, as read from its file. */
export interface Shard {
  file: string;
  report: AuditReport;
}

function isAuditReport(doc: unknown): doc is AuditReport {
  return (
    isRecord(doc) &&
    doc.kind === "audit" &&
    isRecord(doc.tool) &&
    isRecord(doc.pack) &&
    isRecord(doc.policyConfig) &&
    Array.isArray(doc.policies) &&
    Array.isArray(doc.stacks) &&
    doc.stacks.every((s) => isRecord(s) && typeof s.source === "string" && isRecord(s.report)) &&
    Array.isArray(doc.unreadable) &&
    doc.unreadable.every((u) => isRecord(u) && typeof u.source === "string")
  );
}

/** Reads a shard's report; a file that is not an audit report is refused with one line naming it. */
export function readShard(file: string): Shard {
  const text = readUtf8(file, "merge");
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new CheckError(`merge ${file}: not valid JSON (${printable((e as Error).message)})`);
  }
  if (!isAuditReport(doc)) {
    throw new CheckError(
      `merge ${file}: not an audit report (expected the --format json output of 'check --state' over several exports, or with --audit)`,
    );
  }
  if (doc.schemaVersion !== JSON_SCHEMA_VERSION) {
    throw new CheckError(`merge ${file}: schemaVersion ${String(doc.schemaVersion)} is not ${JSON_SCHEMA_VERSION}, which this kit writes`);
  }
  return { file, report: doc };
}

/** JSON with object keys sorted, so two configs compare equal whatever order their keys were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(",")}]`;
  }
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Refuses a shard judged differently from the first: another kit version, pack or effective policy config. */
function checkAlike(first: Shard, other: Shard): void {
  const a = first.report;
  const b = other.report;
  const refuse = (how: string): never => {
    throw new CheckError(`merge ${other.file}: run with ${how}; audit every shard alike`);
  };
  if (a.tool.version !== b.tool.version) {
    refuse(`pipeline-check ${b.tool.version}, but ${first.file} with ${a.tool.version}`);
  }
  if (a.pack.name !== b.pack.name || a.pack.version !== b.pack.version) {
    refuse(`policy pack ${b.pack.name}@${b.pack.version}, but ${first.file} with ${a.pack.name}@${a.pack.version}`);
  }
  if (canonical(a.policyConfig) !== canonical(b.policyConfig) || canonical(a.policies) !== canonical(b.policies)) {
    refuse(`another effective policy config than ${first.file} (the pack's defaults with --policy-pack-config applied)`);
  }
}

/** A shard's head, unless it read no stack: then no pack ran, and it says nothing of how stacks were judged. */
const judged = (shard: Shard): boolean => shard.report.stacks.length > 0;

const bySource = <T extends { source: string }>(a: T, b: T): number => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0);

/**
 * One report over every shard's exports, listed by export path (the order of an unsharded run over one
 * directory or glob holding them all), totals and matrix recomputed. Refused: shards judged differently,
 * a stack or an export in two shards.
 */
export function mergeShards(shards: Shard[]): AuditReport {
  const heads = shards.filter(judged);
  heads.slice(1).forEach((shard) => checkAlike(heads[0], shard));
  const owner = new Map<string, string>();
  const claim = (key: string, what: string, file: string): void => {
    const other = owner.get(key);
    if (other !== undefined) {
      throw new CheckError(`merge ${file}: ${what} is also in ${other}; each stack belongs to one shard`);
    }
    owner.set(key, file);
  };
  for (const { file, report } of shards) {
    report.stacks.forEach((s) => claim(`stack ${stackId(s)}`, `stack ${stackId(s)}`, file));
    [...report.stacks, ...report.unreadable].forEach((s) => claim(`export ${s.source}`, `export ${s.source}`, file));
  }
  const base = (heads[0] ?? shards[0]).report;
  const head: AuditHead = { tool: base.tool, pack: base.pack, policyConfig: base.policyConfig, policies: base.policies };
  const stacks: AuditStack[] = shards.flatMap((s) => s.report.stacks).sort(bySource);
  const unreadable: Unreadable[] = shards.flatMap((s) => s.report.unreadable).sort(bySource);
  return auditReport(head, stacks, unreadable);
}
