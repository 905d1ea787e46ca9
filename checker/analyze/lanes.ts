// Which pack processes share the per-resource calls of a stack. Further processes cost a start and a
// configuration each and pay off only on large stacks with spare cores, so they are started for the
// first stack that reaches the threshold and then kept for every later one: an audit of many small
// stacks never starts them, one of large stacks starts them once.
import * as os from "os";

/**
 * Resources from which a stack's Remediate and Analyze calls are spread over several pack processes:
 * a further process costs about 0.3 s to start and configure, and 1,000 resources analyze in about
 * 2 s on one, so below this the start would eat most of what a second process saves (bench/README.md).
 */
export const SPREAD_THRESHOLD = 2000;

/**
 * Pack processes in all, the first included: one per core but one, which the checker keeps busy
 * encoding requests and reading answers; at most 4. On the 2-core machine that is one: a second
 * process there took 1,000 resources from 9.4 to 19.4 s and 10,000 from 50 to 96 s (loaded machine,
 * bench/README.md), since both cores were already busy.
 */
export function packProcesses(cpus = os.cpus().length): number {
  return Math.max(1, Math.min(cpus - 1, 4));
}

/** The first lane serves every stack; the others, started once on demand, join it from `threshold` resources on. */
export class Lanes<L> {
  private started: Promise<L[]> | undefined;

  constructor(
    private readonly first: L,
    private readonly start?: () => Promise<L[]>,
    private readonly threshold = SPREAD_THRESHOLD,
  ) {}

  /** The lanes a stack of `resources` resources uses, the first one first. */
  async for(resources: number): Promise<L[]> {
    if (!this.start || resources < this.threshold) {
      return [this.first];
    }
    this.started ??= this.start();
    return [this.first, ...(await this.started)];
  }
}
