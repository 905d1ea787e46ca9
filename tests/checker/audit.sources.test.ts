// Which exports an audit reads: --state values as files, directories and globs, expanded in sorted order,
// each file once; a value naming no file is kept with the reason, for the audit's unreadable list.
import * as path from "path";
import { expandGlob, expandSources, isGlob } from "../../checker/audit/sources";
import { scratch } from "./cliProcess";

const { dir, write } = scratch("pc-audit-sources-");
for (const name of ["b/prod.json", "a/dev.json", "a/prod.json", "a/notes.txt", "a/deep/x/staging.json", "a/.hidden.json", "c/1.json"]) {
  write(name, "{}");
}
const at = (...names: string[]): string[] => names.map((n) => path.join(dir, n));

describe("audit sources", () => {
  it("tells a pattern from a path", () => {
    expect(["a/*.json", "a/?.json", "a/[ab].json", "a/b.json", "dir"].map(isGlob)).toEqual([true, true, true, false, false]);
    // A file whose name only looks like a pattern is that file.
    const odd = write("odd/[x].json", "{}");
    expect(isGlob(odd)).toBe(false);
    expect(expandSources([odd])).toEqual([{ file: odd }]);
  });

  it("expands a directory into every .json file under it, at any depth, sorted, hidden files included", () => {
    expect(expandSources([path.join(dir, "a")])).toEqual(
      at("a/.hidden.json", "a/deep/x/staging.json", "a/dev.json", "a/prod.json").map((file) => ({ file })),
    );
  });

  it("expands globs: * and ? within a name, [..] classes, ** across directories; dot files only when named so", () => {
    expect(expandGlob(path.join(dir, "*/prod.json"))).toEqual(at("a/prod.json", "b/prod.json"));
    expect(expandGlob(path.join(dir, "a/???.json"))).toEqual(at("a/dev.json"));
    expect(expandGlob(path.join(dir, "[!a]/*.json"))).toEqual(at("b/prod.json", "c/1.json"));
    expect(expandGlob(path.join(dir, "a/**/*.json"))).toEqual(at("a/deep/x/staging.json", "a/dev.json", "a/prod.json"));
    expect(expandGlob(path.join(dir, "a/.*.json"))).toEqual(at("a/.hidden.json"));
    expect(expandGlob(path.join(dir, "a/dev.json/*"))).toEqual([]);
  });

  it("expands a relative glob from the working directory", () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(expandGlob("*/prod.json")).toEqual(["a/prod.json", "b/prod.json"]);
    } finally {
      process.chdir(cwd);
    }
  });

  it("keeps the order the values were given and reads each file once", () => {
    const sources = expandSources([path.join(dir, "b/prod.json"), path.join(dir, "*/prod.json"), path.join(dir, "c")]);
    expect(sources).toEqual(at("b/prod.json", "a/prod.json", "c/1.json").map((file) => ({ file })));
  });

  it("keeps a value that names no export with the reason, and a missing file for the reader", () => {
    write("empty/readme.md", "");
    expect(expandSources([path.join(dir, "z*.json"), path.join(dir, "empty"), path.join(dir, "none.json")])).toEqual([
      { file: path.join(dir, "z*.json"), problem: "the pattern matches no file" },
      { file: path.join(dir, "empty"), problem: "a directory without .json files" },
      { file: path.join(dir, "none.json") },
    ]);
  });
});
