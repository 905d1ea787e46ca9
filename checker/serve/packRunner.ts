// The kit's way to start a pack, in the pack's process (bin/pack-runner.js, cwd = the pack's directory):
// like run-policy-pack it requires the pack's main module, whose PolicyPack starts the gRPC server and
// prints the port. run-policy-pack type-checks a TypeScript pack with ts-node on every start (seconds);
// here the pack is type-checked and compiled once per change of its sources and loaded from a cache.
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type * as tsTypes from "typescript";
import { loadModule } from "../load";
import { deferModules, unusedSdkModules } from "../record/deferred";

/** Bump when the way packs are compiled changes, so older caches are not used. */
const COMPILE_FORMAT = "1";
// Diagnostics ts-node ignores by default (run-policy-pack keeps that default).
const IGNORED_DIAGNOSTICS = new Set([6059, 18002, 18003]);

interface CompiledFile {
  sha: string;
  js: string;
}

interface CompiledPack {
  key: string;
  /** Compiled JavaScript by path relative to the pack directory. */
  files: Record<string, CompiledFile>;
}

const sha = (text: string): string => crypto.createHash("sha256").update(text).digest("hex");

function readOr(file: string, fallback: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return fallback;
  }
}

function installedVersion(pkg: string, dir: string): string {
  try {
    return (JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`, { paths: [dir] }), "utf8")) as { version: string }).version;
  } catch {
    return "none";
  }
}

/** What besides the pack's own sources decides the compiled output and whether it type-checks. */
function cacheKey(dir: string): string {
  return sha(
    [
      COMPILE_FORMAT,
      readOr(path.join(dir, "tsconfig.json"), ""),
      readOr(path.join(dir, "package.json"), ""),
      ...["typescript", "@pulumi/policy", "@pulumi/pulumi", "@types/node"].map((pkg) => `${pkg}@${installedVersion(pkg, dir)}`),
    ].join("\0"),
  );
}

/** The cache file of a pack: inside it (git-ignored) or, for a read-only pack, in the temp directory. */
export function cacheFile(dir: string): string {
  for (const folder of [path.join(dir, ".check-cache"), path.join(os.tmpdir(), `pipeline-check-cache-${os.userInfo().uid}`)]) {
    try {
      fs.mkdirSync(folder, { recursive: true });
      fs.accessSync(folder, fs.constants.W_OK);
      return path.join(folder, folder.startsWith(dir) ? "pack.json" : `pack-${sha(dir).slice(0, 16)}.json`);
    } catch {
      // Not writable: try the next folder.
    }
  }
  return path.join(os.tmpdir(), `pipeline-check-pack-${process.pid}.json`);
}

/** A cached compile is used only if every source it was compiled from is unchanged. */
function readCache(file: string, dir: string, key: string): CompiledPack | undefined {
  let cached: CompiledPack;
  try {
    cached = JSON.parse(fs.readFileSync(file, "utf8")) as CompiledPack;
  } catch {
    return undefined;
  }
  if (cached.key !== key || typeof cached.files !== "object") {
    return undefined;
  }
  for (const [rel, compiled] of Object.entries(cached.files)) {
    if (sha(readOr(path.join(dir, rel), "\0missing")) !== compiled.sha) {
      return undefined;
    }
  }
  return cached;
}

function writeCache(file: string, compiled: CompiledPack): void {
  const partial = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(partial, JSON.stringify(compiled));
    fs.renameSync(partial, file);
  } catch {
    // A cache that cannot be written only costs the next start a compile.
    fs.rmSync(partial, { force: true });
  }
}

/** The first error the engine's ts-node would stop on, in ts-node's words: `file(line,col): error TSn: ...`. */
function firstError(ts: typeof tsTypes, diagnostics: readonly tsTypes.Diagnostic[], dir: string): string | undefined {
  const error = diagnostics.find((d) => d.category === ts.DiagnosticCategory.Error && !IGNORED_DIAGNOSTICS.has(d.code));
  if (!error) {
    return undefined;
  }
  const text = ts.flattenDiagnosticMessageText(error.messageText, " ");
  if (!error.file) {
    return `error TS${error.code}: ${text}`;
  }
  const { line, character } = error.file.getLineAndCharacterOfPosition(error.start ?? 0);
  return `${path.relative(dir, error.file.fileName)}(${line + 1},${character + 1}): error TS${error.code}: ${text}`;
}

/** Type-checks and compiles the program rooted at the pack's entry, with run-policy-pack's options. */
function compilePack(dir: string, entry: string, key: string): CompiledPack | { error: string } {
  const ts = loadModule(require.resolve("typescript", { paths: [dir, __dirname] })) as typeof tsTypes;
  const tsconfig = path.join(dir, "tsconfig.json");
  let configured: tsTypes.CompilerOptions = {};
  if (fs.existsSync(tsconfig)) {
    const read = ts.readConfigFile(tsconfig, ts.sys.readFile);
    const converted = ts.convertCompilerOptionsFromJson(
      (read.config as { compilerOptions?: unknown } | undefined)?.compilerOptions ?? {},
      dir,
      tsconfig,
    );
    const problem = firstError(ts, read.error ? [read.error, ...converted.errors] : converted.errors, dir);
    if (problem) {
      return { error: problem };
    }
    configured = converted.options;
  }
  const options: tsTypes.CompilerOptions = {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    ...configured,
    noEmit: false,
    declaration: false,
    sourceMap: false,
    inlineSourceMap: true,
    inlineSources: false,
    outDir: undefined,
  };
  const program = ts.createProgram([entry], options);
  const outside = (f: string): boolean => f.includes(`${path.sep}node_modules${path.sep}`) || path.relative(dir, f).startsWith("..");
  const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => !d.file || !outside(d.file.fileName));
  const problem = firstError(ts, diagnostics, dir);
  if (problem) {
    return { error: problem };
  }
  const files: Record<string, CompiledFile> = {};
  program.emit(undefined, (_name, text, _bom, _onError, sources) => {
    const source = sources?.length === 1 ? sources[0].fileName : undefined;
    if (source && !outside(source) && !source.endsWith(".d.ts")) {
      files[path.relative(dir, source)] = { sha: sha(fs.readFileSync(source, "utf8")), js: text };
    }
  });
  return { key, files };
}

export function main(dir = process.cwd()): void {
  const transpile = require.extensions[".ts"] as (module: NodeJS.Module, filename: string) => void;
  const sdk = require.resolve("@pulumi/pulumi/package.json", { paths: [dir] });
  deferModules(unusedSdkModules(sdk));
  const entry = require.resolve(dir);
  let compiled: CompiledPack | undefined;
  if (/\.tsx?$/.test(entry)) {
    const key = cacheKey(dir);
    const file = cacheFile(dir);
    compiled = readCache(file, dir, key);
    if (!compiled) {
      const result = compilePack(dir, entry, key);
      if ("error" in result) {
        // The launcher reports the line with "error TS" as the reason the pack failed to load.
        process.stderr.write(`${result.error}\n`);
        process.exit(1);
      }
      compiled = result;
      writeCache(file, compiled);
    }
  }
  const files = compiled?.files ?? {};
  const hook = loadModule(path.join(__dirname, "..", "..", "bin", "ts-hook.js")) as { mapStackFrames(filename: string): void };
  require.extensions[".ts"] = (module, filename) => {
    const js = files[path.relative(dir, filename)]?.js;
    if (js === undefined) {
      // A file outside the compiled program (a require of a computed path): transpiled as it loads.
      transpile(module, filename);
      return;
    }
    hook.mapStackFrames(filename);
    (module as unknown as { _compile(code: string, file: string): void })._compile(js, filename);
  };
  loadModule(entry);
}

// Run directly (ts-node checker/serve/packRunner.ts), this module would only define main and end silently.
if (require.main === module) {
  (loadModule(path.join(__dirname, "..", "..", "bin", "internal.js")) as { refuse(name: string): never }).refuse(
    "checker/serve/packRunner.ts",
  );
}
