// What the engine does to a registration's property bag before Analyze sees it: it keeps unknowns and
// secrets, but marshals without KeepResources, so a resource reference becomes the referenced resource's
// id (custom resources; unknown during a preview of a new resource) or its URN (components).
import { isRecord, SECRET_SIG, SIG_KEY, UNKNOWN } from "../../model/sentinels";

// One definition of the wire sentinels, the model's; the checker adds the two only it meets.
export { SECRET_SIG, SIG_KEY, UNKNOWN };
export const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
export const OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

type Wire = Record<string, unknown>;

/** A plain object with `fn` applied to each of its values. */
export function mapObject(value: Wire, fn: (v: unknown) => unknown): Wire {
  const out: Wire = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = fn(v);
  }
  return out;
}

/**
 * A rewrite of wire values, walking them as the engine does: arrays and plain objects member by member,
 * other values through `leaf`, and an object with a signature (secret, output, resource, asset) through
 * `signed`, which is handed the walk itself for the values inside it.
 */
export function wireWalk(
  signed: (value: Wire, sig: string, walk: (v: unknown) => unknown) => unknown,
  leaf: (v: unknown) => unknown = (v) => v,
): (value: unknown) => unknown {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      return value.map(walk);
    }
    if (!isRecord(value)) {
      return leaf(value);
    }
    const sig = value[SIG_KEY];
    return typeof sig === "string" ? signed(value, sig, walk) : mapObject(value, walk);
  };
  return walk;
}

const engineValue = wireWalk((value, sig, walk) => {
  if (sig === RESOURCE_SIG) {
    return "id" in value ? walk(value.id) : value.urn;
  }
  if (sig === OUTPUT_SIG) {
    const known = "value" in value ? walk(value.value) : UNKNOWN;
    return value.secret === true ? { [SIG_KEY]: SECRET_SIG, value: known } : known;
  }
  if (sig === SECRET_SIG) {
    return { [SIG_KEY]: SECRET_SIG, value: walk(value.value) };
  }
  return value;
});

/** A registration's properties as the engine hands them to analyzers. */
export function engineProperties(props: Record<string, unknown>): Record<string, unknown> {
  return engineValue(props) as Record<string, unknown>;
}
