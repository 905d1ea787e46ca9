// Reads the findings of the probe pack (tests/checker/packs/probe): each advisory message is the JSON
// of what one Analyze or AnalyzeStack request carried.
import * as path from "path";
import type { CheckResult } from "../../checker/index";

export const PROBE_PACK = path.join(__dirname, "packs", "probe");

export interface SeenResource {
  type: string;
  name: string;
  props: Record<string, unknown>;
  provider: { urn: string; name: string; props: Record<string, unknown> } | null;
}

export interface SeenStack {
  resources: { type: string; name: string; props: Record<string, unknown> }[];
  tags: Record<string, string>;
  project: string;
  stack: string;
  region: string | null;
}

/** What Analyze was sent, by resource name (in registration order). */
export function seenResources(result: CheckResult): Map<string, SeenResource> {
  const seen = result.violations.filter((v) => v.policy === "sees-resource").map((v) => JSON.parse(v.message) as SeenResource);
  return new Map(seen.map((s) => [s.name, s]));
}

/** What AnalyzeStack was sent and what a stack policy knows about its stack. */
export function seenStack(result: CheckResult): SeenStack {
  const found = result.violations.filter((v) => v.policy === "sees-stack");
  if (found.length !== 1) {
    throw new Error(`expected one sees-stack finding, got ${found.length}`);
  }
  return JSON.parse(found[0].message) as SeenStack;
}
