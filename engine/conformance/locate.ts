// Finds the real Pulumi engine to run: the kit's cached build (`npm run engine:build`), or a `pulumi`
// the user put on PATH. Without either, the conformance suite says why and is skipped.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** The kit's root folder (two levels above this file). */
export const KIT_ROOT = path.resolve(__dirname, "..", "..");

/** Where the engine is and what PATH the engine needs to find its plugins. */
export interface Engine {
  /** Absolute path of the `pulumi` binary. */
  pulumi: string;
  /** Folders to put first on PATH: the language host (when the kit built it) and the model provider plugins. */
  pathDirs: string[];
  /** `pulumi version`, for reports. */
  version: string;
}

/** Why the engine is not here, in one line. */
export interface NoEngine {
  skip: string;
}

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (dir && fs.existsSync(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

/** The kit's cache folder for the pinned version, as engine/build.sh computes it. */
export function cachedEngineDir(): string {
  return execFileSync("bash", [path.join(KIT_ROOT, "engine", "build.sh"), "--print-dir"], { encoding: "utf8" }).trim();
}

export function locateEngine(): Engine | NoEngine {
  const providers = path.join(KIT_ROOT, "engine", "bin");
  const cached = cachedEngineDir();
  const candidates: Array<{ pulumi: string; pathDirs: string[] }> = [];
  if (process.env.PULUMI_ENGINE) {
    const pulumi = path.resolve(process.env.PULUMI_ENGINE);
    // A CLI install keeps its language hosts beside the binary.
    candidates.push({ pulumi, pathDirs: [path.dirname(pulumi), providers] });
  }
  if (fs.existsSync(path.join(cached, "pulumi"))) {
    candidates.push({ pulumi: path.join(cached, "pulumi"), pathDirs: [cached, providers] });
  }
  const ambient = onPath("pulumi");
  if (ambient) {
    candidates.push({ pulumi: ambient, pathDirs: [providers] });
  }
  const found = candidates[0];
  if (!found) {
    const go = onPath("go") ? "run `npm run engine:build` first" : "Go is not installed to build it";
    return { skip: `real-engine suite skipped: no Pulumi engine (no ${cached}/pulumi, no pulumi on PATH; ${go})` };
  }
  const version = execFileSync(found.pulumi, ["version"], {
    encoding: "utf8",
    env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
  }).trim();
  return { ...found, version };
}
