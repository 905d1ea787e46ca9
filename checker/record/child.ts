// Runs one program under the Pulumi SDK's mocks in preview mode and writes the recording to a file.
// Started by run.ts through bin/record-child.js; the parent passes its spec in an environment variable.
import * as fs from "fs";
import * as path from "path";
import { fileErrorCode, fileProblem } from "../errors";
import { loadModule } from "../load";
import { deferModules, unusedSdkModules } from "./deferred";
import { Recorder, type InvokeRequest } from "./recorder";
import { recordThrough, type MockMonitor } from "./monitor";
import type { RegistrationRequest } from "./registration";
import { answerInvokes, type InvokingMonitor } from "./functions";
import { functionOutputNames } from "./functionOutputs";
import { pulumiResolver, installPulumiResolution } from "./resolve";
import { errorLocation, programFrames, programMessage, type ChildError, type ChildResult, type ChildSpec } from "./protocol";
import { deployedOutputs, deploymentOf, isDeployed } from "./deployed";

type Callback = (err: unknown, resp?: { setUrn(urn: string): void }) => void;
interface MonitorLike {
  registerResource(req: RegistrationRequest, cb: Callback): void;
  registerResourceOutputs(req: { getUrn(): string; getOutputs(): { toJavaScript(): Record<string, unknown> } | undefined }, cb: (err: unknown, resp: unknown) => void): void;
  invoke(req: InvokeRequest, cb: (err: unknown, resp: unknown) => void): void;
}

function writeResult(file: string, result: ChildResult): void {
  fs.writeFileSync(file, JSON.stringify(result));
}

/** A file the program could not read, from the error reading it threw (it names the file in `path`). */
function unreadableFile(err: Error): string | undefined {
  const file = (err as NodeJS.ErrnoException).path;
  return fileErrorCode(err) && typeof file === "string" ? file : undefined;
}

export async function main(): Promise<void> {
  const spec = JSON.parse(process.env.PIPELINE_CHECK_SPEC ?? "{}") as ChildSpec;
  const where = (stack: string): Pick<ChildError, "location" | "frames"> => ({
    location: errorLocation(stack, spec.programDir),
    frames: programFrames(stack, spec.kitRoot),
  });
  // The program may call process.exit itself; only the checker's own calls go through `end`.
  const exit = process.exit.bind(process);
  let ending = false;
  const end = (code: number): never => {
    ending = true;
    return exit(code);
  };
  process.exit = (code?: number | string | null): never => {
    if (!ending) {
      // Ends the recording here: a program that exits has no stack left to record.
      writeResult(spec.resultFile, { error: { message: "", compile: false, exitCall: `process.exit(${code ?? ""})`, ...where(new Error().stack ?? "") } });
    }
    return exit(code);
  };
  const fail = (e: unknown): never => {
    const err = e instanceof Error ? e : new Error(String(e));
    const compile = (err as { pipelineCheckCompile?: boolean }).pipelineCheckCompile === true;
    const file = unreadableFile(err);
    const error: ChildError = file
      ? { message: fileProblem(err), compile, file, ...where(err.stack ?? "") }
      : { message: programMessage(err.message), compile, ...where(err.stack ?? "") };
    writeResult(spec.resultFile, { error });
    return end(3);
  };
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);

  process.env.PULUMI_CONFIG = JSON.stringify(spec.config.values);
  process.env.PULUMI_CONFIG_SECRET_KEYS = JSON.stringify(spec.config.secretKeys);
  installPulumiResolution(spec.programDir, spec.kitRoot);
  const pulumiDir = pulumiResolver(spec.programDir, spec.kitRoot)("@pulumi/pulumi/package.json");
  deferModules(unusedSdkModules(pulumiDir));
  const sdk = (file: string): unknown => loadModule(path.join(path.dirname(pulumiDir), file));
  const mocks = sdk("runtime/mocks") as { setMocks(m: unknown, project: string, stack: string, preview: boolean, org: string): Promise<void> };
  const settings = sdk("runtime/settings") as { getMonitor(): MonitorLike; waitForRPCs(): Promise<void> };
  const stackModule = sdk("runtime/stack") as { runInPulumiStack(init: () => Promise<unknown>): Promise<unknown> };

  // The second look: each custom resource answers with the outputs it would have once deployed.
  const deployment = spec.secondLook ? deploymentOf(spec.config) : undefined;
  const recorder = new Recorder(spec.project, spec.stack, spec.entry, spec.programDir, spec.config, deployment);
  await mocks.setMocks(
    {
      newResource: (args: { type: string; name: string; custom: boolean; inputs: Record<string, unknown> }) => {
        if (deployment && isDeployed(args.type, args.custom)) {
          const created = deployedOutputs(args.type, args.name, args.inputs, deployment);
          return { id: created.id, state: created.outputs };
        }
        return { id: undefined, state: args.inputs };
      },
      // Unreachable: answerInvokes below answers every invoke the mock would hand to `call`.
      call: () => ({}),
    },
    spec.project, spec.stack, true, spec.organization,
  );

  const monitor = settings.getMonitor();
  // Innermost: the provider's answer, after the engine's side (below) and the transforms (recordThrough).
  answerInvokes(monitor as unknown as InvokingMonitor, recorder, path.dirname(pulumiDir), functionOutputNames(pulumiResolver(spec.programDir, spec.kitRoot)));
  // The engine picks an invoke's provider (a default one if none is given) before running it.
  const invoke = monitor.invoke.bind(monitor);
  monitor.invoke = (req, cb) => {
    recorder.invoked(req);
    invoke(req, cb);
  };
  // Progress at most once a second: a program with tens of thousands of resources stays readable.
  let lastReported = Date.now();
  // Wrapped last, so an invoke's transforms run before the engine's side of the invoke above.
  const closeCallbacks = recordThrough(monitor as unknown as MockMonitor, recorder, path.dirname(pulumiDir), {
    onRecorded: (count) => {
      if (process.send && Date.now() - lastReported >= 1000) {
        lastReported = Date.now();
        process.send({ progress: count });
      }
    },
    onError: fail,
  });

  try {
    await stackModule.runInPulumiStack(async () => {
      const exported: unknown = loadModule(spec.entry);
      const value = exported instanceof Function ? exported() : exported;
      return await value;
    });
    await settings.waitForRPCs();
    // Node reports a rejection nobody handled (an apply that threw) only once the microtasks drain; exiting
    // before then would pass a program the engine's Node host fails on that rejection.
    await new Promise((resolve) => setImmediate(resolve));
  } catch (e) {
    fail(e);
  }
  closeCallbacks();
  writeResult(spec.resultFile, { recording: recorder.recording(), peakMemoryKb: process.resourceUsage().maxRSS });
  end(0);
}

// Run directly (ts-node checker/record/child.ts), this module would only define main and end silently.
if (require.main === module) {
  (loadModule(path.join(__dirname, "..", "..", "bin", "internal.js")) as { refuse(name: string): never }).refuse("checker/record/child.ts");
}
