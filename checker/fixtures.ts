// The one comparison of a fixture's expected.json with an actual report, used by the engine tests,
// npm start and scripts/update-fixtures.ts. Expected lists are complete: missing and unexpected
// findings are both differences. `violations` holds the first look's (the engine's) violations only;
// `secondLook` (optional in the file, written only when not empty) the second look's.
import * as fs from "fs";
import * as path from "path";
import { CheckError, readUserFile } from "./errors";
import type { CheckReport } from "./types";

const KINDS = ["violations", "waived", "undecided", "remediated", "secondLook"] as const;
export type Kind = (typeof KINDS)[number];

export interface ExpectedFinding {
  policy: string;
  resourceName: string;
}

export type FindingLists = Record<Kind, ExpectedFinding[]>;

export interface Expected extends FindingLists {
  description: string;
}

export interface Difference {
  kind: Kind;
  change: "missing" | "unexpected";
  finding: ExpectedFinding;
}

export interface Fixture {
  name: string;
  dir: string;
  expectedFile: string;
}

function key(f: ExpectedFinding): string {
  return `${f.policy}\u0000${f.resourceName}`;
}

function sorted(list: ExpectedFinding[]): ExpectedFinding[] {
  return [...list].sort((a, b) => a.policy.localeCompare(b.policy) || a.resourceName.localeCompare(b.resourceName));
}

export function actualLists(report: CheckReport): FindingLists {
  const pick = (list: ExpectedFinding[]): ExpectedFinding[] => sorted(list.map(({ policy, resourceName }) => ({ policy, resourceName })));
  return {
    violations: pick(report.violations.filter((f) => f.secondLook !== true)),
    waived: pick(report.waived),
    undecided: pick(report.undecided),
    remediated: pick(report.remediated),
    secondLook: pick(report.violations.filter((f) => f.secondLook === true)),
  };
}

/** Multiset difference both ways, per kind. */
export function compareFindings(expected: FindingLists, actual: FindingLists): Difference[] {
  const differences: Difference[] = [];
  for (const kind of KINDS) {
    const remaining = new Map<string, number>();
    for (const f of actual[kind]) {
      remaining.set(key(f), (remaining.get(key(f)) ?? 0) + 1);
    }
    for (const f of sorted(expected[kind])) {
      const n = remaining.get(key(f)) ?? 0;
      if (n > 0) {
        remaining.set(key(f), n - 1);
      } else {
        differences.push({ kind, change: "missing", finding: f });
      }
    }
    for (const f of actual[kind]) {
      const n = remaining.get(key(f)) ?? 0;
      if (n > 0) {
        remaining.set(key(f), n - 1);
        differences.push({ kind, change: "unexpected", finding: f });
      }
    }
  }
  return differences;
}

export function formatDifferences(name: string, differences: Difference[]): string {
  if (differences.length === 0) {
    return `${name}: matches expected.json`;
  }
  const lines = differences.map(
    (d) => `  ${d.change === "missing" ? "-" : "+"} ${d.kind}: ${d.finding.policy} on ${d.finding.resourceName} (${d.change})`,
  );
  return [`${name}: differs from expected.json (- expected but not reported, + reported but not expected)`, ...lines].join("\n");
}

function isFinding(v: unknown): v is ExpectedFinding {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as ExpectedFinding).policy === "string" &&
    typeof (v as ExpectedFinding).resourceName === "string"
  );
}

export function parseExpected(text: string, file: string): Expected {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new CheckError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const obj = (typeof doc === "object" && doc !== null ? doc : {}) as Record<string, unknown>;
  if (typeof obj.description !== "string") {
    throw new CheckError(`${file}: field 'description' must be a string saying what the fixture shows`);
  }
  const lists = {} as FindingLists;
  for (const kind of KINDS) {
    // Only fixtures with second-look findings list them.
    const list = kind === "secondLook" && !("secondLook" in obj) ? [] : obj[kind];
    if (!Array.isArray(list) || !list.every(isFinding)) {
      throw new CheckError(`${file}: field '${kind}' must be a list of {"policy", "resourceName"}`);
    }
    lists[kind] = list.map(({ policy, resourceName }) => ({ policy, resourceName }));
  }
  return { description: obj.description, ...lists };
}

export function readExpected(file: string): Expected {
  return parseExpected(readUserFile(file).toString("utf8"), file);
}

export function renderExpected(description: string, lists: FindingLists): string {
  const { secondLook, ...firstLook } = lists;
  return `${JSON.stringify({ description, ...firstLook, ...(secondLook.length > 0 ? { secondLook } : {}) }, null, 2)}\n`;
}

export function listFixtures(root: string): Fixture[] {
  if (!fs.existsSync(root)) {
    return [];
  }
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(root, e.name, "expected.json")))
    .map((e) => ({ name: e.name, dir: path.join(root, e.name), expectedFile: path.join(root, e.name, "expected.json") }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
