// The exports an audit reads: each --state value is a file, a directory (every .json file under it) or
// a glob (`*`, `?`, `**`), expanded here because Node 20 has no glob of its own and a quoted pattern
// must mean the same on every CI runner's shell. Directories and globs expand in sorted order.
import * as fs from "fs";
import * as path from "path";

/** One export to read, or a --state value that names none (its reason says why). */
export interface AuditSource {
  file: string;
  /** Set when the value names no export: the audit reports it as unreadable. */
  problem?: string;
}

/** What makes a glob segment a pattern. */
const WILDCARD = /[*?[]/;

/** Whether a --state value is a pattern rather than a path: it has a wildcard, and no file has that very name. */
export function isGlob(value: string): boolean {
  return WILDCARD.test(value) && !fs.existsSync(value);
}

/** A glob segment as a regular expression: `*` and `?` never cross a `/`, `[...]` is a character class. */
function segmentPattern(segment: string): RegExp {
  let source = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    const close = c === "[" ? segment.indexOf("]", i + 2) : -1;
    if (c === "*") {
      source += "[^/]*";
    } else if (c === "?") {
      source += "[^/]";
    } else if (close > 0) {
      source += `[${segment
        .slice(i + 1, close)
        .replace(/^!/, "^")
        .replace(/\\/g, "\\\\")}]`;
      i = close;
    } else {
      source += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    }
  }
  return new RegExp(`^${source}$`);
}

/** Entries of a directory, sorted; none when it cannot be listed. */
function entries(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

/** Files under `dir` matching the remaining glob segments; `**` matches any number of directories. */
function matchSegments(dir: string, segments: string[]): string[] {
  const [first, ...rest] = segments;
  if (first === "**") {
    return [
      ...matchSegments(dir, rest),
      ...entries(dir)
        .filter((e) => e.isDirectory())
        .flatMap((e) => matchSegments(path.join(dir, e.name), segments)),
    ];
  }
  const pattern = segmentPattern(first);
  return entries(dir)
    .filter((e) => pattern.test(e.name) && !e.name.startsWith(".") === !first.startsWith("."))
    .flatMap((e) => {
      const full = path.join(dir, e.name);
      if (rest.length > 0) {
        return e.isDirectory() ? matchSegments(full, rest) : [];
      }
      return e.isDirectory() ? [] : [full];
    });
}

/** The files a glob matches, sorted. */
export function expandGlob(pattern: string): string[] {
  const segments = pattern.split(/[\\/]/);
  const literal = segments.findIndex((segment) => WILDCARD.test(segment));
  const base = segments.slice(0, literal).join("/") || (path.isAbsolute(pattern) ? "/" : ".");
  return [...new Set(matchSegments(base, segments.slice(literal)))].sort();
}

/** Every `.json` file under `dir`, at any depth, sorted. */
function jsonFiles(dir: string): string[] {
  return entries(dir)
    .flatMap((e) => {
      const full = path.join(dir, e.name);
      return e.isDirectory() ? jsonFiles(full) : e.name.endsWith(".json") ? [full] : [];
    })
    .sort();
}

/** Whether the path is a directory (false when it does not exist or cannot be read). */
export function isDirectory(value: string): boolean {
  try {
    return fs.statSync(value).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The exports the values name, in the order given, each file once (the first time it is named). A
 * value that names no file (a glob matching nothing, a directory without .json files) is a source with
 * a problem; a missing file is left for the reader to report.
 */
export function expandSources(values: readonly string[]): AuditSource[] {
  const seen = new Set<string>();
  const sources: AuditSource[] = [];
  for (const value of values) {
    const directory = isDirectory(value);
    const files = isGlob(value) ? expandGlob(value) : directory ? jsonFiles(value) : [value];
    if (files.length === 0) {
      sources.push({ file: value, problem: directory ? "a directory without .json files" : "the pattern matches no file" });
    }
    for (const file of files) {
      const key = path.resolve(file);
      if (!seen.has(key)) {
        seen.add(key);
        sources.push({ file });
      }
    }
  }
  return sources;
}
