// What the engine does to a registration's property bag before Analyze sees it: it keeps unknowns and
// secrets, but marshals without KeepResources, so a resource reference becomes the referenced resource's
// id (custom resources; unknown during a preview of a new resource) or its URN (components).
import { isRecord, SECRET_SIG, SIG_KEY, UNKNOWN } from "../../model/sentinels";

// One definition of the wire sentinels, the model's; the checker adds the two only it meets.
export { SECRET_SIG, SIG_KEY, UNKNOWN };
export const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
export const OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

function engineValue(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(engineValue);
  }
  if (!isRecord(value)) {
    return value;
  }
  const sig = value[SIG_KEY];
  if (sig === RESOURCE_SIG) {
    return "id" in value ? engineValue(value.id) : value.urn;
  }
  if (sig === OUTPUT_SIG) {
    const known = "value" in value ? engineValue(value.value) : UNKNOWN;
    return value.secret === true ? { [SIG_KEY]: SECRET_SIG, value: known } : known;
  }
  if (sig === SECRET_SIG) {
    return { [SIG_KEY]: SECRET_SIG, value: engineValue(value.value) };
  }
  if (typeof sig === "string") {
    return value;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = engineValue(v);
  }
  return out;
}

export function engineProperties(props: Record<string, unknown>): Record<string, unknown> {
  return engineValue(props) as Record<string, unknown>;
}
