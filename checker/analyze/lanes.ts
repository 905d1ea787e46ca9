// Which pack processes share the per-resource calls of a stack. Further processes cost a start and a
// configuration each (about 0.3 s of CPU on the 2-core machine) and pay off only on large stacks, so
// they are started for the first stack that reaches the threshold and then kept for every later one:
// an audit of many small stacks never starts them, one of large stacks starts them once.
import * as os from "os";

/**
 * Resources from which a stack's Remediate and Analyze calls are spread over several pack processes.
 * Measured with `npm run bench` (see bench/README.md, "Where the time goes"): below it the start of a
 * further process costs more than it saves.
 */
export const SPREAD_THRESHOLD = 2000;

/** Pack processes in all, the first included: one per core, at most 4 (more only compete for the same cores). */
export function packProcesses(cpus = os.cpus().length): number {
  return Math.max(1, Math.min(cpus, 4));
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
