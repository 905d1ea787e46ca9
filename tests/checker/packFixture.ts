// One policy pack shared by every test of a describe block: starting a pack costs seconds (a TypeScript
// pack is type-checked as it loads), so the tests that judge programs through it reuse one process.
import { startPack, type PackHandle, type PackOptions } from "../../checker/index";

/**
 * Starts a pack before the enclosing block's tests and stops it after them. Call it inside a `describe`
 * (or at the top of a test file); the returned accessor gives the running pack, inside tests only.
 */
export function usePack(options: PackOptions): () => PackHandle {
  let pack: PackHandle | undefined;
  beforeAll(async () => {
    pack = await startPack(options);
  });
  afterAll(() => pack?.stop());
  return () => {
    if (!pack) {
      throw new Error("usePack: the pack is only there inside a test of the block that asked for it");
    }
    return pack;
  };
}

/** Findings as `policy@resource`, sorted: what a test compares when the messages do not matter. */
export const pairs = (list: { policy: string; resourceName: string }[]): string[] =>
  list.map((f) => `${f.policy}@${f.resourceName}`).sort();
