// Where `npm run bench` puts its figures. A plain run writes an untracked file, so measuring never
// leaves a diff in the tree; `--save` records the figures in the tracked bench/results.json. (Not named
// results.ts: `./results` would resolve to results.json first.)
import * as fs from "fs";
import * as path from "path";

/** The untracked default, relative to the repository root (git-ignored). */
export const SCRATCH_RESULTS = path.join(".bench", "results.json");
/** The tracked file, relative to the repository root; written only with `--save`. */
export const SAVED_RESULTS = path.join("bench", "results.json");

/**
 * Writes `results` as JSON under `root`, to bench/results.json when `argv` has `--save` and to
 * .bench/results.json otherwise, and returns the line that says where they went.
 */
export function writeResults(results: unknown, argv: readonly string[], root: string): string {
  const save = argv.includes("--save");
  const relative = save ? SAVED_RESULTS : SCRATCH_RESULTS;
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return save ? `results saved to ${relative} (tracked)` : `results written to ${relative} (untracked; --save writes ${SAVED_RESULTS})`;
}
