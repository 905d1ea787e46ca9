// Several resources in flight at once over one pack connection, and who to blame when the pack dies.
import { CheckError } from "../errors";
import type { RecordedResource } from "../types";
import { PackCallError } from "./client";

/**
 * A pack that dies fails every request in flight, so which resource killed it is one of them; a
 * policy that throws fails only its own request, whose message already names the resource.
 */
export function blame(error: unknown, inFlight: ReadonlySet<RecordedResource>): unknown {
  if (!(error instanceof PackCallError) || !error.dropped || inFlight.size < 2) {
    return error;
  }
  const names = [...inFlight].map((r) => r.name);
  const listed = names.length > 10 ? `${names.slice(0, 10).join(", ")} and ${names.length - 10} more` : names.join(", ");
  return new CheckError(
    `policy pack failed during Remediate or Analyze of one of ${names.length} resources in flight (${listed}): ${error.details}`,
  );
}

/**
 * Maps `items` with at most `limit` calls of `fn` pending at once; results are in the items' order,
 * whatever order the calls finish in. After a failure no further call starts, and the first failure
 * is what the returned promise rejects with.
 */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i]);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
