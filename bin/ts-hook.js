"use strict";
// Loads .ts files by transpiling them one at a time (no type check: `npm run typecheck` is the type
// gate), with inline source maps so stack traces and source locations point at TypeScript lines.
// Syntax errors become one-line errors that name the file, line and column.
const fs = require("fs");
const ts = require("typescript");

process.setSourceMapsEnabled(true);

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  inlineSourceMap: true,
  inlineSources: false,
};

function compile(module, filename) {
  const source = fs.readFileSync(filename, "utf8");
  const out = ts.transpileModule(source, { compilerOptions, fileName: filename, reportDiagnostics: true });
  const errors = (out.diagnostics || []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    const d = errors[0];
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start || 0);
    const err = new SyntaxError(`${filename}:${line + 1}:${character + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
    err.pipelineCheckCompile = true;
    throw err;
  }
  module._compile(out.outputText, filename);
}

if (!require.extensions[".ts"]) {
  require.extensions[".ts"] = compile;
}
