// Runs one program under the Pulumi SDK's mocks in preview mode and writes the recording to a file.
// Started by run.ts through bin/record-child.js; the parent passes its spec in an environment variable.
import * as fs from "fs";
import * as path from "path";
import { fileErrorCode, fileProblem } from "../errors";
import { loadModule } from "../load";
import { deferModules, unusedSdkModules } from "./deferred";
import { recordInProcess } from "./inProcess";
import { pulumiResolver, installPulumiResolution } from "./resolve";
import { errorLocation, programFrames, programMessage, type ChildError, type ChildResult, type ChildSpec } from "./protocol";

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
      writeResult(spec.resultFile, {
        error: { message: "", compile: false, exitCall: `process.exit(${code ?? ""})`, ...where(new Error().stack ?? "") },
      });
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
  deferModules(unusedSdkModules(pulumiResolver(spec.programDir, spec.kitRoot)("@pulumi/pulumi/package.json")));

  // Progress at most once a second: a program with tens of thousands of resources stays readable.
  let lastReported = Date.now();
  const onRecorded = (count: number): void => {
    if (process.send && Date.now() - lastReported >= 1000) {
      lastReported = Date.now();
      process.send({ progress: count });
    }
  };
  try {
    const { recording } = await recordInProcess(spec, { onRecorded, onError: fail });
    writeResult(spec.resultFile, { recording, peakMemoryKb: process.resourceUsage().maxRSS });
  } catch (e) {
    fail(e);
  }
  end(0);
}

// Run directly (ts-node checker/record/child.ts), this module would only define main and end silently.
if (require.main === module) {
  (loadModule(path.join(__dirname, "..", "..", "bin", "internal.js")) as { refuse(name: string): never }).refuse("checker/record/child.ts");
}
