import { AwsCallError, describeAwsError } from "./aws-errors";
import { CannotRunError } from "./errors";
import type { Check, CheckContext, CheckResult } from "./types";

/** Runs `fn` over `items` with at most `limit` calls in flight, keeping the input order in the result. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

interface Ran {
  result: CheckResult;
  /** Set when the failure means the whole run is meaningless (see DescribedError). */
  abort?: string;
}

async function runOne(check: Check, ctx: CheckContext): Promise<Ran> {
  const { id, title } = check;
  try {
    return { result: { id, title, ...(await check.run(ctx)) } };
  } catch (error) {
    if (error instanceof AwsCallError) {
      const described = describeAwsError(error.original, error.operation);
      const result: CheckResult = { id, title, status: "fail", detail: described.message };
      const abort = described.kind === "credentials" || described.kind === "network";
      return abort ? { result, abort: described.message } : { result };
    }
    return { result: { id, title, status: "fail", detail: `unexpected error: ${(error as Error).message}` } };
  }
}

export interface RunOptions {
  /** Calls in flight at once; small, to stay under the AWS APIs' per-account throttles. */
  concurrency?: number;
}

/**
 * Runs the independent checks first, then the ones that require another; a check whose prerequisite
 * did not pass is skipped. Throws CannotRunError when the credentials are unusable or AWS is
 * unreachable, since then no result says anything about the stack.
 */
export async function runChecks(checks: readonly Check[], ctx: CheckContext, options: RunOptions = {}): Promise<CheckResult[]> {
  const limit = options.concurrency ?? 4;
  // One level of prerequisites is enough for the catalog: a check may require only a check that requires nothing.
  const roots = new Set(checks.filter((c) => !c.requires).map((c) => c.id));
  const isDependent = (c: Check): boolean => c.requires !== undefined && roots.has(c.requires);
  const independent = checks.filter((c) => !isDependent(c));
  const dependent = checks.filter(isDependent);

  const firstRound = await mapBounded(independent, limit, (check) => runOne(check, ctx));
  const byId = new Map(firstRound.map((ran) => [ran.result.id, ran.result]));
  const secondRound = await mapBounded(dependent, limit, async (check): Promise<Ran> => {
    const prerequisite = byId.get(check.requires as string) as CheckResult;
    if (prerequisite.status === "pass") return runOne(check, ctx);
    return {
      result: { id: check.id, title: check.title, status: "skip", detail: `skipped: ${prerequisite.id} did not pass` },
    };
  });

  const all = [...firstRound, ...secondRound];
  const aborted = all.find((ran) => ran.abort !== undefined);
  if (aborted) throw new CannotRunError(aborted.abort);
  const results = new Map(all.map((ran) => [ran.result.id, ran.result]));
  return checks.map((c) => results.get(c.id) as CheckResult);
}
