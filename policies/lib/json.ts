/**
 * Documents that AWS inputs take either as a JSON string or as an object (event patterns, IAM
 * policies), normalised to one shape so that each policy does not parse them its own way.
 */
import { isUnknown, lookup } from "./props";
import type { ValueState } from "./state";

/** Parses the document at `path` of `root` to its top-level object; never throws. */
export function parseDocument(root: unknown, path: string): ValueState<Readonly<Record<string, unknown>>> {
  const input = lookup(root, path);
  if (input === undefined || input === null || input === "") {
    return { kind: "absent" };
  }
  if (isUnknown(input)) {
    return { kind: "unknown" };
  }
  let value: unknown = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { kind: "malformed", reason: `${path} is not valid JSON (${(error as Error).message})` };
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { kind: "malformed", reason: `${path} is not a JSON object` };
  }
  return { kind: "known", value: value as Readonly<Record<string, unknown>> };
}
