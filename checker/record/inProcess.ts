// Records a program in this process under the SDK's mocks: the one place the kit mocks the Pulumi runtime.
// The checker's child process runs it (its exit, result file and unhandled errors stay in child.ts), and so
// do the unit and fuzz harnesses, in jest's module registry and with answers of their own.
import * as path from "path";
import { loadModule } from "../load";
import type { Recording } from "../types";
import { Recorder } from "./recorder";
import { recordThrough, type MockMonitor, type RecordHooks } from "./monitor";
import { answerInvokes, type InvokingMonitor } from "./functions";
import { functionOutputNames } from "./functionOutputs";
import { pulumiResolver } from "./resolve";
import type { ChildSpec } from "./protocol";
import { deployedOutputs, deploymentOf, isDeployed } from "./deployed";

/** What a recording needs of the child's spec: all but where the child writes its result. */
export type RecordSpec = Omit<ChildSpec, "resultFile">;

/** A registration as the SDK's mocks hand it over. */
export interface MockResource {
  type: string;
  name: string;
  custom: boolean;
  inputs: Record<string, unknown>;
}

/** What the mocks answer with, in place of the engine's preview (the test harnesses want computed attributes). */
export interface MockAnswers {
  /** The id and state a registration answers with; by default its inputs (in the second look, the model's created outputs). */
  newResource?(args: MockResource): { id: string | undefined; state: Record<string, unknown> };
  /** A function call's result; by default the provider model answers it and the recording lists the call. */
  call?(args: { token: string }): Record<string, unknown>;
}

/** The recording, and the stack's outputs as the program exported them, resolved. */
export interface InProcessRun {
  recording: Recording;
  outputs: Record<string, unknown>;
}

interface MonitorLike {
  invoke(req: Parameters<Recorder["invoked"]>[0], cb: (err: unknown, resp: unknown) => void): void;
}

/**
 * Runs `spec.entry` in a root stack under the mocks of the SDK that resolves from `spec.programDir`
 * and records what it registers. A program error rejects; a transform the engine would refuse goes
 * to `hooks.onError`. Sets the SDK's config from the spec, since its store is process-wide.
 */
export async function recordInProcess(spec: RecordSpec, hooks: RecordHooks, answers: MockAnswers = {}): Promise<InProcessRun> {
  const resolve = pulumiResolver(spec.programDir, spec.kitRoot);
  const sdkDir = path.dirname(resolve("@pulumi/pulumi/package.json"));
  const sdk = (file: string): unknown => loadModule(path.join(sdkDir, file));
  const mocks = sdk("runtime/mocks") as {
    setMocks(m: unknown, project: string, stack: string, preview: boolean, org: string): Promise<void>;
  };
  const settings = sdk("runtime/settings") as { getMonitor(): MonitorLike; waitForRPCs(): Promise<void> };
  const config = sdk("runtime/config") as { setAllConfig(values: Record<string, string>, secretKeys: string[]): void };
  const stackModule = sdk("runtime/stack") as {
    runInPulumiStack(init: () => Promise<unknown>): Promise<Record<string, unknown> | undefined>;
  };

  // The second look: each custom resource answers with the outputs it would have once deployed.
  const deployment = spec.secondLook ? deploymentOf(spec.config) : undefined;
  const recorder = new Recorder(spec.project, spec.stack, spec.entry, spec.programDir, spec.config, deployment);
  const preview = (args: MockResource): { id: string | undefined; state: Record<string, unknown> } => {
    if (deployment && isDeployed(args.type, args.custom)) {
      const created = deployedOutputs(args.type, args.name, args.inputs, deployment);
      return { id: created.id, state: created.outputs };
    }
    return { id: undefined, state: args.inputs };
  };
  // Without `answers.call`, answerInvokes below answers every invoke the mock would hand to `call`.
  const mocked = { newResource: answers.newResource ?? preview, call: answers.call ?? (() => ({})) };
  await mocks.setMocks(mocked, spec.project, spec.stack, true, spec.organization);
  // The SDK read the environment when it loaded; the spec is what this recording runs with.
  config.setAllConfig(spec.config.values, spec.config.secretKeys);

  const monitor = settings.getMonitor();
  if (!answers.call) {
    // Innermost: the provider's answer, after the engine's side (below) and the transforms (recordThrough).
    answerInvokes(monitor as unknown as InvokingMonitor, recorder, sdkDir, functionOutputNames(resolve));
  }
  // The engine picks an invoke's provider (a default one if none is given) before running it.
  const invoke = monitor.invoke.bind(monitor);
  monitor.invoke = (req, cb) => {
    recorder.invoked(req);
    invoke(req, cb);
  };
  // Wrapped last, so an invoke's transforms run before the engine's side of the invoke above.
  const closeCallbacks = recordThrough(monitor as unknown as MockMonitor, recorder, sdkDir, hooks);
  try {
    const outputs = await stackModule.runInPulumiStack(async () => {
      const exported: unknown = loadModule(spec.entry);
      const value = exported instanceof Function ? exported() : exported;
      return await value;
    });
    await settings.waitForRPCs();
    // Node reports a rejection nobody handled (an apply that threw) only once the microtasks drain; ending
    // before then would pass a program the engine's Node host fails on that rejection.
    await new Promise((resolve) => setImmediate(resolve));
    return { recording: recorder.recording(), outputs: outputs ?? {} };
  } finally {
    closeCallbacks();
  }
}
