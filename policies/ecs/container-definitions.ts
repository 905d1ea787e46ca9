/**
 * Reads a task definition's `containerDefinitions`, which the provider takes as one JSON string:
 * unknown as a whole while any value inside it is unknown at preview, and never trusted to parse.
 */
import type { ResourceCheck } from "../lib/policy";
import { isUnknown, lookup, read } from "../lib/props";

export interface Container {
  /** `container "app"`, or its position when it has no name. */
  readonly label: string;
  readonly name?: string;
  readonly props: unknown;
}

type Parsed = { readonly containers: readonly Container[] } | { readonly problem: string } | { readonly unknown: true };

function parse(input: unknown): Parsed {
  if (isUnknown(input)) {
    return { unknown: true };
  }
  let value: unknown = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { problem: `containerDefinitions is not valid JSON (${(error as Error).message})` };
    }
  }
  if (!Array.isArray(value)) {
    return { problem: "containerDefinitions is not a JSON list of containers" };
  }
  const containers: Container[] = [];
  for (const [index, item] of value.entries()) {
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      return { problem: `containerDefinitions[${index}] is not an object` };
    }
    const name = read.string(item, "name");
    containers.push({
      label: typeof name === "string" ? `container "${name}"` : `container #${index + 1}`,
      name: typeof name === "string" ? name : undefined,
      props: item,
    });
  }
  return { containers };
}

/**
 * The task definition's containers; reports unknown definitions as undecided and malformed ones as
 * a violation (the provider would reject them), returning no containers in both cases. The input is
 * required, so absent offline it was computed from a value unknown during preview: undecided too.
 */
export function containersOf(check: ResourceCheck, concern: string): readonly Container[] {
  const input = lookup(check.resource.props, "containerDefinitions");
  if (input === undefined || input === null) {
    check.undecided(
      `containerDefinitions is not set: a required input is missing only when its value is computed and unknown during preview; cannot check ${concern}`,
    );
    return [];
  }
  const parsed = parse(input);
  if ("unknown" in parsed) {
    check.undecided(`containerDefinitions is unknown during preview: cannot check ${concern}`);
    return [];
  }
  if ("problem" in parsed) {
    check.violation(`${parsed.problem}: cannot check ${concern}`);
    return [];
  }
  return parsed.containers;
}
