"use strict";
// Loads .ts files by transpiling them one at a time (no type check: `npm run typecheck` is the type
// gate), with inline source maps so stack traces and source locations point at TypeScript lines.
// Syntax errors become one-line errors that name the file, line and column.
// Every process of a check (CLI, program child, pack runner) loads dozens of .ts files; transpiling
// them and loading the compiler costs most of a second each time, so outputs are cached by a hash of
// everything that determines them and the compiler is only loaded on a cache miss.
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { findSourceMap } = require("module");
const { fileURLToPath } = require("url");

// Loaded with require or `node -r`, never as the main module.
if (require.main === module) {
  require("./internal").refuse("bin/ts-hook.js");
}

process.setSourceMapsEnabled(true);

// Enum values are inlined so the options can be hashed without loading the compiler
// (ts.ModuleKind.CommonJS, ts.ScriptTarget.ES2022).
/** @type {import("typescript").CompilerOptions} */
const compilerOptions = {
  module: 1,
  target: 9,
  esModuleInterop: true,
  inlineSourceMap: true,
  inlineSources: false,
};

/** @type {typeof import("typescript") | undefined} */
let ts;
/** @returns {typeof import("typescript")} */
function compiler() {
  ts = ts || require("typescript");
  return ts;
}

/** @returns {string} */
function compilerVersion() {
  try {
    return JSON.parse(fs.readFileSync(require.resolve("typescript/package.json"), "utf8")).version;
  } catch {
    return "unknown";
  }
}

/** @returns {string | undefined} */
function cacheDir() {
  const candidates = [
    path.join(__dirname, "..", ".check-cache", "ts"),
    path.join(os.tmpdir(), `pipeline-check-cache-${os.userInfo().uid}`, "ts"),
  ];
  for (const dir of candidates) {
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.accessSync(dir, fs.constants.W_OK);
      return dir;
    } catch {
      // Read-only install: try the next place; without any, every file is transpiled afresh.
    }
  }
  return undefined;
}

const dir = cacheDir();
const salt = `${compilerVersion()}\0${JSON.stringify(compilerOptions)}\0`;

/**
 * @param {string} source
 * @param {string} filename
 * @returns {string} CommonJS with an inline source map
 */
function transpile(source, filename) {
  const tsc = compiler();
  const out = tsc.transpileModule(source, { compilerOptions, fileName: filename, reportDiagnostics: true });
  const d = (out.diagnostics || []).find((diagnostic) => diagnostic.category === tsc.DiagnosticCategory.Error);
  if (d) {
    // transpileModule reports only syntax errors, and those always carry the file they are in.
    const { line, character } = /** @type {import("typescript").SourceFile} */ (d.file).getLineAndCharacterOfPosition(d.start || 0);
    // The record child reports an error with this mark as a compile failure: one line, no stack.
    throw Object.assign(
      new SyntaxError(`${filename}:${line + 1}:${character + 1}: ${tsc.flattenDiagnosticMessageText(d.messageText, " ")}`),
      { pipelineCheckCompile: true },
    );
  }
  return out.outputText;
}

// Every edit of a file adds an entry and none is ever rewritten, so the folder would grow forever.
// On the first miss of a process (a miss already pays for loading the compiler), entries written
// more than a week ago are deleted; one still in use is simply written again on its next miss.
// Processes share the folder, so a file another one deleted or is renaming is not an error.
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
let pruned = false;
/** @param {string} folder */
function prune(folder) {
  if (pruned) {
    return;
  }
  pruned = true;
  const cutoff = Date.now() - MAX_AGE_MS;
  let names;
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(folder, name);
    try {
      if (fs.statSync(file).mtimeMs < cutoff) {
        fs.rmSync(file, { force: true });
      }
    } catch {
      // Gone already: another process pruned or renamed it.
    }
  }
}

/**
 * @param {string} source
 * @param {string} filename
 * @returns {string}
 */
function cached(source, filename) {
  if (!dir) {
    return transpile(source, filename);
  }
  // The file name is part of the key: the inline source map names it.
  const key = crypto.createHash("sha256").update(salt).update(filename).update("\0").update(source).digest("hex");
  const file = path.join(dir, `${key}.js`);
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    prune(dir);
    const output = transpile(source, filename);
    // Write then rename: processes of one check share the cache and must never read half a file.
    const partial = `${file}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(partial, output);
      fs.renameSync(partial, file);
    } catch {
      fs.rmSync(partial, { force: true });
    }
    return output;
  }
}

/**
 * @param {NodeJS.Module} module
 * @param {string} filename
 */
function compile(module, filename) {
  compiled.add(filename);
  /** @type {NodeJS.Module & { _compile(code: string, filename: string): void }} */ (module)._compile(
    cached(fs.readFileSync(filename, "utf8"), filename),
    filename,
  );
}

// Node's own source-mapped stack traces resolve and map every frame of every stack, and the Pulumi SDK
// takes a stack for every promise and resource it creates: with thousands of resources that was a
// third of the run time. Only frames in compiled .ts files need mapping, each position mapped once.
/** @type {Set<string>} */
const compiled = new Set();
/** @type {Map<string, string>} */
const mapped = new Map();
/**
 * @param {NodeJS.CallSite} site
 * @returns {string}
 */
function mappedFrame(site) {
  const file = site.getFileName();
  const frame = String(site);
  const line = site.getLineNumber();
  const column = site.getColumnNumber();
  // Frames of a compiled file's code always have a position; native and eval frames have none.
  if (!file || !compiled.has(file) || line === null || column === null) {
    return frame;
  }
  const at = `${file}:${line}:${column}`;
  let original = mapped.get(at);
  if (original === undefined) {
    // Node types an unmapped position as {}, so a mapped one is told apart by its source.
    const entry = /** @type {Partial<import("module").SourceMapping>} */ (findSourceMap(file)?.findEntry(line - 1, column - 1) ?? {});
    const { originalSource: source, originalLine = 0, originalColumn = 0 } = entry;
    original = source ? `${source.startsWith("file:") ? fileURLToPath(source) : source}:${originalLine + 1}:${originalColumn + 1}` : at;
    mapped.set(at, original);
  }
  return frame.replace(at, original);
}
Error.prepareStackTrace = (error, sites) => {
  let header;
  try {
    header = String(error);
  } catch {
    header = "Error";
  }
  return [header, ...sites.map((site) => `    at ${mappedFrame(site)}`)].join("\n");
};

// Dependencies ship source maps of their own sources, which Node would read and index for each of the
// hundreds of modules a check loads (a few tenths of a second per process); no location the checker
// reports lies in them, so they load with source maps off.
const jsLoader = require.extensions[".js"];
const dependency = `${path.sep}node_modules${path.sep}`;
/**
 * @param {NodeJS.Module} module
 * @param {string} filename
 */
function loadJs(module, filename) {
  if (!filename.includes(dependency)) {
    return jsLoader(module, filename);
  }
  process.setSourceMapsEnabled(false);
  try {
    return jsLoader(module, filename);
  } finally {
    process.setSourceMapsEnabled(true);
  }
}

if (!require.extensions[".ts"]) {
  require.extensions[".ts"] = compile;
  require.extensions[".js"] = loadJs;
}

/**
 * For loaders that compile .ts files themselves (the pack runner): map this file's stack frames too.
 * @param {string} filename
 */
exports.mapStackFrames = (filename) => {
  compiled.add(filename);
};
