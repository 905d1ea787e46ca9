// A stack whose per-resource calls are spread over several processes of the real pack gets the report
// one process gives: the same findings, levels, messages and remediations, in the same order.
import * as path from "path";
import { runCheck, startPack, type PackHandle } from "../../checker/index";
import { DEFAULT_ORGANIZATION } from "../../checker/pack";
import { jsonReport } from "../../checker/report/json";
import { KIT_ROOT } from "../../checker/record/run";
import { target } from "../../checker/target";
import { kitLauncher, type PackLauncher } from "../../checker/serve/launcher";
import type { Recording } from "../../checker/types";

// Programs recorded and three packs started on a shared machine.
jest.setTimeout(600_000);

/** Fixtures with violations, waivers, remediations and undecided findings between them. */
const FIXTURES = ["inline-bucket-config", "ecs-plaintext-credential-names", "waived-github-v1", "undecided-unknown-function"];
const options = { policyPack: path.join(KIT_ROOT, "policies"), project: "spread", stack: "dev" };
const recordings: Recording[] = [];
let single: PackHandle;
let spread: PackHandle;
/** Pack processes the spread pack's launcher started. */
let spreadStarts = 0;

beforeAll(async () => {
  for (const fixture of FIXTURES) {
    const program = target({ program: path.join(KIT_ROOT, "fixtures", fixture) }, "dev", DEFAULT_ORGANIZATION, () => undefined);
    recordings.push(await program.recording(new AbortController().signal));
  }
  const counting: PackLauncher = {
    start: (...args) => {
      spreadStarts++;
      return kitLauncher.start(...args);
    },
  };
  // From one resource on, so every stack here is spread over two real processes of the pack.
  [single, spread] = await Promise.all([
    startPack(options),
    startPack({ ...options, launcher: counting, spread: { processes: 2, threshold: 1 } }),
  ]);
});

afterAll(async () => {
  for (const pack of [single, spread]) {
    pack?.stop();
    await pack?.exited;
  }
});

const report = async (recording: Recording, pack: PackHandle): Promise<unknown> => {
  const result = await runCheck({ exported: recording, pack });
  return jsonReport(result, { tool: { name: "t", version: "0" }, pack: result.pack, locations: result.locations, root: KIT_ROOT });
};

describe("a stack spread over several pack processes", () => {
  it("gets the report one process gives, stack after stack, with the further process started once", async () => {
    let findings = 0;
    for (const [i, recording] of recordings.entries()) {
      const one = (await report(recording, single)) as { violations: unknown[]; remediated: unknown[] };
      findings += one.violations.length + one.remediated.length;
      expect({ fixture: FIXTURES[i], report: await report(recording, spread) }).toEqual({ fixture: FIXTURES[i], report: one });
    }
    // Not a vacuous comparison: the fixtures fail and remediate.
    expect(findings).toBeGreaterThan(5);
    expect(spreadStarts).toBe(2);
  });

  it("reports the largest peak memory of its processes while they run", () => {
    // Read from /proc, so known on Linux only.
    const linux = process.platform === "linux";
    expect((spread.peakRssKb() ?? 0) >= (spread.running.peakRssKb?.() ?? 0)).toBe(true);
    expect(spread.peakRssKb() !== undefined).toBe(linux);
  });
});
