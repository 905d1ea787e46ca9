// The repository stands alone: its README and docs link only to files it contains.
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const docs = [
  "README.md",
  ...fs
    .readdirSync(path.join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** Relative targets of markdown links and of paths in backticks that leave the folder (`../x`). */
function localTargets(text: string): string[] {
  const links = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]).filter((t) => !/^[a-z]+:/i.test(t));
  const upward = [...text.matchAll(/`(\.\.\/[^`\s]+)`/g)].map((m) => m[1]);
  return [...links, ...upward];
}

describe("self-contained documentation", () => {
  it.each(docs)("%s links only to files inside the repository", (doc) => {
    const dir = path.dirname(path.join(ROOT, doc));
    const broken = localTargets(fs.readFileSync(path.join(ROOT, doc), "utf8")).filter((target) => {
      const file = path.resolve(dir, target);
      return path.relative(ROOT, file).startsWith("..") || !fs.existsSync(file);
    });
    expect(broken).toEqual([]);
  });

  it("describes the twelve known failures in the repository's own docs", () => {
    const text = fs.readFileSync(path.join(ROOT, "docs", "known-failures.md"), "utf8");
    expect(text.match(/^## \d+\. /gm)).toHaveLength(12);
    expect(fs.readFileSync(path.join(ROOT, "README.md"), "utf8")).toContain("(docs/known-failures.md)");
  });

  it("counts the parts of the architecture as its table lists them", () => {
    const text = fs.readFileSync(path.join(ROOT, "docs", "architecture.md"), "utf8");
    const words = ["one", "two", "three", "four", "five", "six", "seven", "eight"];
    const stated = /The kit has (\w+) parts\./.exec(text)?.[1];
    const table = text
      .split("\n## ")[0]
      .split("\n")
      // Data rows only: not the header, nor the separator row (dashes, padded by the formatter).
      .filter((l) => l.startsWith("| ") && !l.startsWith("| part ") && !/^\|[\s|-]+$/.test(l));
    expect(stated).toBe(words[table.length - 1]);
  });
});
