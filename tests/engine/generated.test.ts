// Seeded generated programs (fast-check) from the corpus' building blocks, each through the real engine
// and the checker. `npm run test:engine -- --runs N` checks more; a disagreement prints the seed and the
// shrunk program.
import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { compareTarget, describeEngine, ENGINE_TIMEOUT_MS, KIT_ROOT } from "./harness";
import { compiledPack } from "../../engine/conformance/compiledPack";
import { program } from "./blocks";

const runs = Number(process.env.ENGINE_RUNS ?? "50");
const seed = Number(process.env.ENGINE_SEED ?? "20261201");
let count = 0;

describeEngine("generated programs: real engine and checker agree", () => {
  it(
    `${runs} programs from seed ${seed}`,
    async () => {
      // Both sides run the same pack, compiled once: the many engine starts skip its type check.
      const policyPack = compiledPack();
      await fc.assert(
        fc.asyncProperty(program, async (generated) => {
          const dir = path.join(KIT_ROOT, ".engine-work", "generated", `p${count++}`);
          fs.mkdirSync(dir, { recursive: true });
          const entry = path.join(dir, "index.ts");
          const projectFile = path.join(dir, "Pulumi.yaml");
          fs.writeFileSync(entry, generated.source);
          fs.writeFileSync(projectFile, "name: generated\nruntime: nodejs\n");
          const result = await compareTarget({ label: "generated", project: "generated", entry, stack: "dev", projectFile }, dir, {
            policyPack,
          });
          if (result.disagreements.length > 0) {
            throw new Error(`engine and checker disagree:\n${result.disagreements.join("\n")}`);
          }
        }),
        { numRuns: runs, seed },
      );
    },
    ENGINE_TIMEOUT_MS * 10,
  );
});
