/**
 * Waivers exempt one resource from one policy for a stated reason until a date, and `Findings` turns
 * what a policy finds into the SDK's diagnostics with them applied.
 *
 * Two sources, both checked for every finding:
 * - a tag `compliance:waive:<policy-name>` = `<reason>; until=<YYYY-MM-DD>` on the resource;
 * - the policy's `waivers` config: `[{ "resource": "<logical name or URN>", "reason": "...", "until": "YYYY-MM-DD" }]`.
 * A waiver is valid through its `until` day (UTC). Malformed waivers are reported, never ignored,
 * because a typo in a waiver would otherwise silently turn into "no waiver" or "waived forever".
 * A waived finding is still reported (`[waived] `), an expired waiver is noted on the finding, and an
 * unknown value a policy could not do without becomes an `[undecided] ` finding.
 */
import type { EnforcementLevel, ReportViolation } from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { today } from "./clock";
import type { PolicyConfig } from "./policy";
import { isUnknown, isUnknownValueFailure, lookup, read, type Unknown } from "./props";
import type { ValueState } from "./state";

export const WAIVER_TAG_PREFIX = "compliance:waive:";
export const WAIVED = "[waived] ";
export const UNDECIDED = "[undecided] ";

interface Waiver {
  readonly reason: string;
  readonly until: string;
  /** Where the waiver was found, for the finding's message. */
  readonly source: string;
}

/** What the waivers say about one resource for one policy. */
interface WaiverStatus {
  readonly active?: Waiver;
  readonly expired: readonly Waiver[];
  /** Malformed waivers that concern this resource; each is reported as a finding. */
  readonly problems: readonly string[];
  /** The resource's tags could not be read during preview, so a tag waiver may have been missed. */
  readonly tagsUnknown: boolean;
}

/** The resource a waiver is looked up for. */
interface WaiverTarget {
  readonly name: string;
  readonly urn: string;
  readonly props: unknown;
}

export const waiversConfigSchema: PolicyConfigJSONSchema = {
  type: "array",
  description: "Resources exempted from this policy: logical name or URN, the reason, and the last day (YYYY-MM-DD, UTC) the waiver holds.",
  default: [],
  items: {
    type: "object",
    properties: {
      resource: { type: "string", minLength: 1 },
      reason: { type: "string", minLength: 1 },
      until: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
    },
    required: ["resource", "reason", "until"],
  },
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day in `YYYY-MM-DD` form (rejects 2026-02-30, which `Date` would roll over). */
function isIsoDate(value: string): boolean {
  if (!DATE.test(value)) {
    return false;
  }
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** A waiver is given either well-formed or malformed; absent and unknown ones are never parsed. */
type Parsed = Extract<ValueState<Waiver>, { kind: "known" | "malformed" }>;

type ParsedEntry = Parsed & { resource?: string };

const TAG_VALUE = /^(.*?)\s*;\s*until=(.*?)\s*$/s;

/**
 * The policy names the waiver tags of a resource name (`compliance:waive:<name>`), `UNKNOWN` when its
 * tags are unknown during preview. Keys are always known, so a tag whose value is unknown still counts.
 */
export function waiverTagPolicies(props: unknown): readonly string[] | Unknown {
  const tags = read.entries(props, "tags");
  if (isUnknown(tags)) {
    return tags;
  }
  return (tags ?? []).flatMap(([key]) => (key.startsWith(WAIVER_TAG_PREFIX) ? [key.slice(WAIVER_TAG_PREFIX.length)] : []));
}

function parseWaiverTag(policyName: string, value: unknown): Parsed {
  const key = WAIVER_TAG_PREFIX + policyName;
  const expected = `expected "<reason>; until=YYYY-MM-DD"`;
  if (typeof value !== "string") {
    return { kind: "malformed", reason: `tag ${key} is not a string; ${expected}` };
  }
  const match = TAG_VALUE.exec(value);
  if (!match) {
    return { kind: "malformed", reason: `tag ${key}="${value}" has no until date; ${expected}` };
  }
  const [, reason, until] = match;
  if (reason.trim() === "") {
    return { kind: "malformed", reason: `tag ${key}="${value}" gives no reason; ${expected}` };
  }
  if (!isIsoDate(until)) {
    return { kind: "malformed", reason: `tag ${key}="${value}" has an invalid until date "${until}"; ${expected}` };
  }
  return { kind: "known", value: { reason: reason.trim(), until, source: `tag ${key}` } };
}

function parseConfigEntry(entry: unknown, index: number): ParsedEntry {
  const where = `config waivers[${index}]`;
  const resource = read.string(entry, "resource");
  const reason = read.string(entry, "reason");
  const until = read.string(entry, "until");
  if (typeof resource !== "string" || resource === "") {
    return { kind: "malformed", reason: `${where} names no resource` };
  }
  if (typeof reason !== "string" || reason.trim() === "") {
    return { resource, kind: "malformed", reason: `${where} for ${resource} gives no reason` };
  }
  if (typeof until !== "string" || !isIsoDate(until)) {
    return { resource, kind: "malformed", reason: `${where} for ${resource} has no valid until date (YYYY-MM-DD)` };
  }
  return { resource, kind: "known", value: { reason: reason.trim(), until, source: where } };
}

// The SDK hands every call the same config objects until the next Configure, and nothing mutates them,
// so the entries are parsed once per config rather than for every policy on every resource.
const parsedConfigs = new WeakMap<object, readonly ParsedEntry[] | undefined>();

/** The parsed entries of the `waivers` config, `undefined` when it is not a list. */
function configEntries(configWaivers: unknown): readonly ParsedEntry[] | undefined {
  const cacheable = typeof configWaivers === "object" && configWaivers !== null;
  if (cacheable && parsedConfigs.has(configWaivers)) {
    return parsedConfigs.get(configWaivers);
  }
  const entries = read.array(configWaivers);
  const parsed = Array.isArray(entries) ? entries.map(parseConfigEntry) : undefined;
  if (cacheable) {
    parsedConfigs.set(configWaivers, parsed);
  }
  return parsed;
}

/** Problems in the `waivers` config that concern no single resource: reported once per run. */
function configWaiverProblems(configWaivers: unknown): readonly string[] {
  const entries = configEntries(configWaivers);
  if (entries === undefined) {
    return ["config waivers is not a list"];
  }
  return entries.flatMap((parsed) => (parsed.resource === undefined && parsed.kind === "malformed" ? [parsed.reason] : []));
}

/** Looks up the waivers of `policyName` that name `target`, in its tags and in the policy config. */
function waiverStatus(policyName: string, target: WaiverTarget, configWaivers: unknown): WaiverStatus {
  const found: Waiver[] = [];
  const problems: string[] = [];
  const take = (parsed: Parsed): void => {
    if (parsed.kind === "known") {
      found.push(parsed.value);
    } else {
      problems.push(parsed.reason);
    }
  };

  const tags = lookup(target.props, "tags");
  const tag = lookup(tags, [WAIVER_TAG_PREFIX + policyName]);
  if (tag !== undefined && !isUnknown(tag)) {
    take(parseWaiverTag(policyName, tag));
  }

  for (const parsed of configEntries(configWaivers) ?? []) {
    if (parsed.resource === target.name || parsed.resource === target.urn) {
      take(parsed);
    }
  }

  const day = today();
  return {
    active: found.find((waiver) => waiver.until >= day),
    expired: found.filter((waiver) => waiver.until < day),
    problems,
    tagsUnknown: isUnknown(tags) || isUnknown(tag),
  };
}

/** True when a waiver in force exempts `target` from `policyName`: its remediation leaves it alone. */
export function isWaived(policyName: string, target: WaiverTarget, configWaivers: unknown): boolean {
  return waiverStatus(policyName, target, configWaivers).active !== undefined;
}

interface Diagnostic {
  readonly message: string;
  readonly urn?: string;
  readonly enforcementLevel?: EnforcementLevel;
}

// The SDK accepts a diagnostic object at runtime (`makeReportViolationFun`), which lets a finding
// carry its own level; leaving the level out keeps the one the engine configured for the policy.
function diagnostics(report: ReportViolation): (diagnostic: Diagnostic) => void {
  return report as unknown as (diagnostic: Diagnostic) => void;
}

/** Emits findings for one policy run, applying the waivers of the resource each finding names. */
export class Findings {
  private readonly emit: (diagnostic: Diagnostic) => void;
  // One run never changes a resource's props, and a policy usually looks each one up twice (its
  // malformed waivers, then each finding), so the lookup is kept for the run.
  private readonly statuses = new Map<WaiverTarget, WaiverStatus>();

  constructor(
    private readonly policyName: string,
    private readonly config: PolicyConfig,
    report: ReportViolation,
  ) {
    this.emit = diagnostics(report);
  }

  private status(target: WaiverTarget): WaiverStatus {
    let status = this.statuses.get(target);
    if (status === undefined) {
      status = waiverStatus(this.policyName, target, this.config.waivers);
      this.statuses.set(target, status);
    }
    return status;
  }

  violation(target: WaiverTarget, message: string): void {
    const status = this.status(target);
    if (status.active) {
      const { reason, until, source } = status.active;
      this.emit({
        message: `${WAIVED}${message} (waived until ${until} by ${source}: ${reason})`,
        urn: target.urn,
        enforcementLevel: "advisory",
      });
      return;
    }
    const notes = status.expired.map((w) => `the waiver by ${w.source} expired on ${w.until} (${w.reason})`);
    if (status.tagsUnknown) {
      notes.push("the resource's tags are unknown during preview, so no tag waiver applies");
    }
    this.emit({ message: notes.length > 0 ? `${message} (${notes.join("; ")})` : message, urn: target.urn });
  }

  undecided(urn: string | undefined, message: string): void {
    this.emit({ message: `${UNDECIDED}${message}`, urn, enforcementLevel: "advisory" });
  }

  /** Malformed waivers are findings in their own right, whether or not the policy finds anything. */
  malformedWaivers(target: WaiverTarget): void {
    for (const problem of this.status(target).problems) {
      this.malformed(target.urn, problem);
    }
  }

  malformedConfig(urn: string | undefined): void {
    for (const problem of configWaiverProblems(this.config.waivers)) {
      this.malformed(urn, problem);
    }
  }

  /** Runs a validation, turning unknown values it could not do without into `[undecided]` findings. */
  guard(urn: string | undefined, validate: () => void): void {
    try {
      validate();
    } catch (error) {
      if (isUnknownValueFailure(error)) {
        this.undecided(urn, `cannot decide: ${error.message}`);
        return;
      }
      throw error;
    }
  }

  private malformed(urn: string | undefined, problem: string): void {
    this.emit({ message: `malformed waiver for ${this.policyName}: ${problem}`, urn });
  }
}
