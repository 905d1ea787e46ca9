/**
 * The fuzz properties and their runner. For every input: no handler returns a gRPC error (in the
 * engine that fails every user's preview); the same input twice gives the same diagnostics and
 * remediations; remediation is idempotent and leaves no violation it could have fixed.
 */
import fc from "fast-check";
import { UNDECIDED, WAIVED } from "../../policies/lib/waivers";
import type { CompliancePolicy } from "../../policies/lib/policy";
import { LEVELS } from "../policy/sdk-server";
import {
  configurePolicy,
  handlersOf,
  type Diagnostic,
  type Outcome,
  type PolicyHandlers,
  type ResourceInput,
  type StackMember,
} from "./engine";
import type { PolicyInput } from "./generators";
import type { OracleCase, Verdict } from "./oracle";
import { unfixableBy } from "./remediation-limits";
import { isObject, type Wire } from "./values";

export const DEFAULT_RUNS = 1_000;

/** The day the fuzz runs on, for waiver expiry; among the generated waiver dates some fall before it, some after. */
export const FUZZ_TODAY = "2026-11-24";

/** `FUZZ_SEED` replays a run; without it each run draws a new seed (printed on failure). */
export function seedFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.FUZZ_SEED;
  if (given !== undefined && given.trim() !== "") {
    const seed = Number(given);
    if (!Number.isInteger(seed)) {
      throw new Error(`FUZZ_SEED must be an integer, got "${given}"`);
    }
    return seed;
  }
  return (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
}

/** `FUZZ_RUNS` raises the number of inputs per policy; it never goes below the default. */
export function runsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.FUZZ_RUNS;
  if (given === undefined || given.trim() === "") {
    return DEFAULT_RUNS;
  }
  const runs = Number(given);
  if (!Number.isInteger(runs) || runs < DEFAULT_RUNS) {
    throw new Error(`FUZZ_RUNS must be an integer of at least ${DEFAULT_RUNS}, got "${given}"`);
  }
  return runs;
}

/** A property failure: thrown inside the property so that fast-check shrinks the input. */
class Broken extends Error {}

function settled<T>(what: string, outcome: Outcome<T>): T {
  if (!outcome.ok) {
    throw new Broken(`${what} returned a gRPC error:\n${outcome.error}`);
  }
  return outcome.value;
}

/** JSON with sorted keys: the Struct round trip does not promise key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    isObject(inner as Wire) ? Object.fromEntries(Object.entries(inner as object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : inner,
  );
}

function same(what: string, first: unknown, second: unknown): void {
  if (canonical(first) !== canonical(second)) {
    throw new Broken(`${what} differs for the same input:\nfirst:  ${canonical(first)}\nsecond: ${canonical(second)}`);
  }
}

/** A finding that fails or flags the resource, as opposed to an undecided or waived note. */
function violations(policy: CompliancePolicy, diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .map((d) => d.message)
    .filter(
      (message) =>
        !message.startsWith(UNDECIDED) && !message.startsWith(WAIVED) && !message.startsWith(`can't run policy '${policy.name}'`),
    );
}

async function checkRemediation(
  policy: CompliancePolicy,
  handlers: PolicyHandlers,
  input: ResourceInput,
  before: readonly Diagnostic[],
): Promise<void> {
  const first = settled("Remediate", await handlers.remediate(input));
  same("Remediate", first, settled("Remediate (again)", await handlers.remediate(input)));
  const fixed = first.find((remediation) => remediation.properties !== undefined)?.properties;
  if (fixed === undefined) {
    return;
  }
  const remediated = { ...input, props: fixed };
  const again = settled("Remediate of the remediated props", await handlers.remediate(remediated));
  const refixed = again.find((remediation) => remediation.properties !== undefined)?.properties;
  if (refixed !== undefined && canonical(refixed) !== canonical(fixed)) {
    throw new Broken(`remediation is not idempotent:\nonce:  ${canonical(fixed)}\ntwice: ${canonical(refixed)}`);
  }
  const previous = new Set(violations(policy, before));
  const left = violations(policy, settled("Analyze of the remediated props", await handlers.analyze(remediated)));
  const introduced = left.filter((message) => !previous.has(message));
  if (introduced.length > 0) {
    throw new Broken(`remediation introduced violations:\n${introduced.join("\n")}\nremediated props: ${canonical(fixed)}`);
  }
  const unfixable = unfixableBy(policy.name);
  const fixable = left.filter((message) => !unfixable(message));
  if (fixable.length > 0) {
    throw new Broken(
      `the remediated resource still has violations the remediation should have fixed:\n${fixable.join("\n")}\n` +
        `remediated props: ${canonical(fixed)}\n` +
        `(if the remediation legitimately cannot fix these, declare them in tests/fuzz/remediation-limits.ts)`,
    );
  }
}

/** The check of one resource input against one policy. */
export function resourceProperty(policy: CompliancePolicy): (handlers: PolicyHandlers, input: ResourceInput) => Promise<void> {
  return async (handlers, input) => {
    const first = settled("Analyze", await handlers.analyze(input));
    same("Analyze", first, settled("Analyze (again)", await handlers.analyze(input)));
    if (policy.remediable) {
      await checkRemediation(policy, handlers, input, first);
    }
  };
}

/** The check of one stack input against one stack policy. */
export async function stackProperty(handlers: PolicyHandlers, members: readonly StackMember[]): Promise<void> {
  const first = settled("AnalyzeStack", await handlers.analyzeStack(members));
  same("AnalyzeStack", first, settled("AnalyzeStack (again)", await handlers.analyzeStack(members)));
}

/** A note that the policy could not decide: its own `[undecided]` or the SDK's unknown-value notice. */
function isUndecided(policy: CompliancePolicy, message: string): boolean {
  return message.startsWith(UNDECIDED) || message.startsWith(`can't run policy '${policy.name}'`);
}

/** What the diagnostics say as a whole; anything else (a waived note) is reported as it is. */
export function verdictOf(policy: CompliancePolicy, diagnostics: readonly Diagnostic[]): Verdict | "something else" {
  if (violations(policy, diagnostics).length > 0) {
    return "fires";
  }
  if (diagnostics.length === 0) {
    return "silent";
  }
  return diagnostics.every((d) => isUndecided(policy, d.message)) ? "undecided" : "something else";
}

/**
 * The check of one input whose verdict the generator knows: the policy must fire, stay silent or be
 * undecided exactly as recorded, and a violation must block (level mandatory) on the resource recorded.
 */
export async function verdictProperty(
  policy: CompliancePolicy,
  handlers: PolicyHandlers,
  oracle: OracleCase<ResourceInput | StackMember[]>,
): Promise<void> {
  const { input } = oracle;
  const diagnostics = settled(
    Array.isArray(input) ? "AnalyzeStack" : "Analyze",
    Array.isArray(input) ? await handlers.analyzeStack(input) : await handlers.analyze(input as ResourceInput),
  );
  const actual = verdictOf(policy, diagnostics);
  const report = () =>
    `\n${oracle.story.join("\n")}\ndiagnostics:\n${diagnostics.map((d) => `  ${d.urn}: ${d.message}`).join("\n") || "  (none)"}`;
  if (actual !== oracle.expected) {
    throw new Broken(`expected verdict ${oracle.expected}, got ${actual}:${report()}`);
  }
  const fired = diagnostics.filter((d) => !isUndecided(policy, d.message));
  const misplaced = fired.filter((d) => d.level !== LEVELS.mandatory || (oracle.on !== undefined && d.urn !== oracle.on));
  if (misplaced.length > 0) {
    throw new Broken(`every violation must be mandatory${oracle.on === undefined ? "" : ` and name ${oracle.on}`}:${report()}`);
  }
}

export interface FuzzResult {
  readonly failed: boolean;
  readonly numRuns: number;
  /** For a failure: seed, replay path, policy, shrunk input and the broken property. */
  readonly message: string;
}

// The shrunk input is printed for people: long arrays and strings are cut, the seed replays it exactly.
function summary(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, inner: unknown) => {
      if (Array.isArray(inner) && inner.length > 12) {
        return [...inner.slice(0, 5), `... ${inner.length - 5} more elements`];
      }
      if (typeof inner === "string" && inner.length > 300) {
        return `${inner.slice(0, 100)}... (${inner.length} characters)`;
      }
      return inner;
    },
    1,
  );
}

/**
 * Runs `check` on `numRuns` inputs of `inputs` for `policy` through the SDK handlers, configuring the
 * policy with each input's config first. On failure the message carries everything to replay it.
 */
export async function fuzz<T>(
  policy: CompliancePolicy,
  inputs: fc.Arbitrary<PolicyInput<T>>,
  check: (handlers: PolicyHandlers, subject: T) => Promise<void>,
  { seed, numRuns }: { readonly seed: number; readonly numRuns: number },
): Promise<FuzzResult> {
  const handlers = handlersOf(policy);
  const property = fc.asyncProperty(inputs, async ({ config, subject }) => {
    await configurePolicy(policy, config);
    await check(handlers, subject);
  });
  const details = await fc.check(property, { seed, numRuns });
  if (!details.failed) {
    return { failed: false, numRuns: details.numRuns, message: "" };
  }
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  const message = [
    `policy ${policy.name} failed after ${details.numRuns} inputs (${details.numShrinks} shrinks)`,
    `replay: FUZZ_SEED=${details.seed} npx jest --selectProjects fuzz (fast-check seed ${details.seed}, path "${details.counterexamplePath}")`,
    `shrunk input: ${summary(details.counterexample?.[0])}`,
    `property broken: ${error}`,
  ].join("\n");
  return { failed: true, numRuns: details.numRuns, message };
}
