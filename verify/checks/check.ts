import { call, failedWith } from "../aws-errors";
import type { StackOutputs } from "../outputs";
import { type Check, type CheckContext, fail, type Outcome } from "../types";

/** A check that makes one AWS call and judges the answer against the stack's outputs. */
export interface CallCheck<T> extends Omit<Check, "run"> {
  /** The IAM action the call needs, which the report names when the call fails. */
  readonly operation: string;
  send(ctx: CheckContext): Promise<T>;
  judge(answer: T, outputs: StackOutputs): Outcome;
}

export function callCheck<T>({ operation, send, judge, ...check }: CallCheck<T>): Check {
  return { ...check, run: async (ctx) => judge(await call(operation, () => send(ctx)), ctx.outputs) };
}

/** `call`, answering undefined instead of failing when AWS says the thing is not there (`missing`, the error's name). */
export async function callUnlessMissing<T>(operation: string, missing: string, send: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call(operation, send);
  } catch (error) {
    if (failedWith(error, missing)) return undefined;
    throw error;
  }
}

/** A check of one resource that `resourceChecks` fetches for it. */
export interface ResourceCheck<R> extends Omit<Check, "run"> {
  judge(resource: R, outputs: StackOutputs): Outcome;
}

/**
 * Checks of one resource of the stack: each fetches it on its own and fails with the `notFound` message
 * when it is gone, so every check stands alone when another is skipped.
 */
export function resourceChecks<R>(
  fetch: (ctx: CheckContext) => Promise<R | undefined>,
  notFound: (outputs: StackOutputs) => string,
  checks: ResourceCheck<R>[],
): Check[] {
  return checks.map(({ judge, ...check }) => ({
    ...check,
    async run(ctx) {
      const resource = await fetch(ctx);
      return resource === undefined ? fail(notFound(ctx.outputs)) : judge(resource, ctx.outputs);
    },
  }));
}
