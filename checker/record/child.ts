// Runs one program under the Pulumi SDK's mocks in preview mode and writes the recording to a file.
// Started by run.ts through bin/record-child.js; the parent passes its spec in an environment variable.
import * as fs from "fs";
import * as path from "path";
import { loadModule } from "../load";
import { deferModules, unusedSdkModules } from "./deferred";
import { Recorder } from "./recorder";
import type { RegistrationRequest } from "./registration";
import { invokeResult } from "../../model";
import { pulumiResolver, installPulumiResolution } from "./resolve";
import { errorLocation, type ChildResult, type ChildSpec } from "./protocol";

type Callback = (err: unknown, resp?: { setUrn(urn: string): void }) => void;
interface MonitorLike {
  registerResource(req: RegistrationRequest, cb: Callback): void;
  registerResourceOutputs(req: { getUrn(): string; getOutputs(): { toJavaScript(): Record<string, unknown> } | undefined }, cb: (err: unknown, resp: unknown) => void): void;
}

function writeResult(file: string, result: ChildResult): void {
  fs.writeFileSync(file, JSON.stringify(result));
}

export async function main(): Promise<void> {
  const spec = JSON.parse(process.env.PIPELINE_CHECK_SPEC ?? "{}") as ChildSpec;
  const fail = (e: unknown): never => {
    const err = e instanceof Error ? e : new Error(String(e));
    const compile = (err as { pipelineCheckCompile?: boolean }).pipelineCheckCompile === true;
    writeResult(spec.resultFile, { error: { message: err.message.split("\n")[0], compile, location: errorLocation(err.stack ?? "", spec.programDir) } });
    process.exit(3);
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

  const region = spec.config.values["aws:region"] ?? "us-east-1";
  const recorder = new Recorder(spec.project, spec.stack, spec.entry, spec.programDir, spec.config);
  await mocks.setMocks(
    {
      newResource: (args: { inputs: Record<string, unknown> }) => ({ id: undefined, state: args.inputs }),
      call: (args: { token: string }) => {
        recorder.invoke(args.token);
        return invokeResult(args.token, region);
      },
    },
    spec.project, spec.stack, true, spec.organization,
  );

  const monitor = settings.getMonitor();
  const register = monitor.registerResource.bind(monitor);
  // Progress at most once a second: a program with tens of thousands of resources stays readable.
  let lastReported = Date.now();
  monitor.registerResource = (req, cb) => {
    const urn = recorder.register(req);
    if (process.send && Date.now() - lastReported >= 1000) {
      lastReported = Date.now();
      process.send({ progress: recorder.resources.length });
    }
    register(req, (err, resp) => {
      resp?.setUrn(urn);
      cb(err, resp);
    });
  };
  // The mock monitor keys outputs by its own URNs; the recorder owns the engine-style ones.
  monitor.registerResourceOutputs = (req, cb) => {
    recorder.registerOutputs(req.getUrn(), req.getOutputs()?.toJavaScript() ?? {});
    cb(null, {});
  };

  try {
    await stackModule.runInPulumiStack(async () => {
      const exported: unknown = loadModule(spec.entry);
      const value = exported instanceof Function ? exported() : exported;
      return await value;
    });
    await settings.waitForRPCs();
  } catch (e) {
    fail(e);
  }
  writeResult(spec.resultFile, { recording: recorder.recording(), peakMemoryKb: process.resourceUsage().maxRSS });
  process.exit(0);
}
