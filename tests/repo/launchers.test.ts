// The bin/*.js launchers (the TypeScript loader among them) run before any TypeScript is loadable, so
// they stay CommonJS; they are still type-checked (checkJs) and linted like the TypeScript sources.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.join(__dirname, "..", "..");
const LAUNCHERS = fs
  .readdirSync(path.join(ROOT, "bin"))
  .filter((f) => f.endsWith(".js"))
  .map((f) => path.join(ROOT, "bin", f));

describe("the bin/*.js launchers", () => {
  it("are part of the type check, with JavaScript checked", () => {
    const file = path.join(ROOT, "tsconfig.json");
    const config = ts.parseJsonConfigFileContent(ts.readConfigFile(file, ts.sys.readFile).config, ts.sys, ROOT);
    expect(config.options.checkJs).toBe(true);
    expect(config.fileNames).toEqual(expect.arrayContaining(LAUNCHERS));
  });

  it("are linted", () => {
    // ESLint's API cannot load the flat config inside jest, so its CLI reports; a file the config
    // ignores would come back with a "File ignored" warning instead of no messages.
    const run = spawnSync(
      process.execPath,
      [path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js"), "--format", "json", ...LAUNCHERS],
      { cwd: ROOT, encoding: "utf8" },
    );
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { message: string }[] }[];
    expect(LAUNCHERS).toContain(path.join(ROOT, "bin", "ts-hook.js"));
    expect(results.map((r) => [r.filePath, r.messages.map((m) => m.message)])).toEqual(LAUNCHERS.map((f) => [f, []]));
  });
});
