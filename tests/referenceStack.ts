// Records the reference program (`stack/index.ts`) for the unit and fuzz harnesses through the checker's
// own in-process recorder, so the Pulumi runtime is mocked in one place only.
import * as path from "node:path";
import type { InProcessRun, MockAnswers } from "../checker/record/inProcess";
import type { StackConfig } from "../checker/record/stackConfig";

// A recording yields to the event loop (the recorder waits for Node to report unhandled rejections), so
// jest's timeout can fire during one. Generous: a slow shared machine must not turn a passing run into a timeout.
jest.setTimeout(600_000);

/** The reference program's project name (Pulumi.yaml). */
export const PROJECT = "pipeline-compliance-kit";
/** The kit's root: the reference program's directory. */
export const ROOT = path.resolve(__dirname, "..");
/** The type of the root stack resource every program registers first. */
export const ROOT_STACK = "pulumi:pulumi:Stack";

/** The parts of the SDK's root stack resource a failed run leaves rejected. */
interface StackLike {
  outputs: { isKnown: Promise<unknown>; isSecret: Promise<unknown> };
}

/**
 * Runs `stack/index.ts` as `stack` with `config`, the mocks answering with `answers`, and resolves with the
 * recording once every registration has finished. A transform the engine would refuse fails the test.
 */
export async function recordReferenceStack(stack: string, config: StackConfig, answers: MockAnswers): Promise<InProcessRun> {
  const spec = {
    project: PROJECT,
    stack,
    organization: "",
    entry: path.join(ROOT, "stack", "index.ts"),
    programDir: ROOT,
    kitRoot: ROOT,
    config,
  };
  let run: InProcessRun | undefined;
  const hooks = {
    onRecorded: (): void => undefined,
    onError: (error: Error): never => {
      throw error;
    },
  };
  // A fresh registry each run: the recorder then loads this run's SDK and program, not the last run's.
  await jest.isolateModulesAsync(async () => {
    const { recordInProcess } = await import("../checker/record/inProcess");
    try {
      run = await recordInProcess(spec, hooks, answers);
    } catch (error) {
      // A program that throws rejects the run and, with the same error, what the SDK derived from the root
      // stack's outputs (whether they are known, secret), which nobody awaits: the checker's child process
      // ends on the first, jest would fail the test on the others. Handled here, the run's failure is the one.
      const state = (await import("@pulumi/pulumi/runtime/state")) as unknown as { getStackResource(): StackLike | undefined };
      const outputs = state.getStackResource()?.outputs;
      outputs?.isKnown.catch(() => undefined);
      outputs?.isSecret.catch(() => undefined);
      throw error;
    }
  });
  if (!run) throw new Error("the recording of stack/index.ts did not finish");
  return run;
}
