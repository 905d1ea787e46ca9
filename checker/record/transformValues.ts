// The property values around a transform, in the engine's wire forms (pkg/resource/deploy/source_eval.go
// and sdk/go/common/resource/plugin/rpc.go). The engine reads a registration's properties with
// UpgradeToOutputValues, so a transform sees secrets and unknowns as output values (the Node SDK hands
// them to the callback as Outputs), and a resource with transforms of its own also sees each property's
// dependencies on it. What the engine registers afterwards has output values downgraded again.
import { isRecord } from "../../model";
import { mapObject, OUTPUT_SIG, RESOURCE_SIG, SECRET_SIG, SIG_KEY, UNKNOWN, wireWalk } from "./properties";

/** The engine's typed unknown sentinels (bool, number, string, array, asset, archive, object). */
const UNKNOWNS: ReadonlySet<string> = new Set([
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  UNKNOWN,
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  "030794c1-ac77-496b-92df-f27374a8bd58",
  "e48ece36-62e2-4504-bad9-02848725956a",
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

type Wire = Record<string, unknown>;

function isOutput(v: unknown): v is Wire {
  return isRecord(v) && v[SIG_KEY] === OUTPUT_SIG;
}

/** A custom resource reference's id as the engine marshals it back: "" when unknown. */
function referenceId(id: unknown): unknown {
  if (typeof id === "string" && UNKNOWNS.has(id)) {
    return "";
  }
  if (isOutput(id)) {
    return "value" in id ? id.value : "";
  }
  return id;
}

const upgrade = wireWalk(
  (value, sig, walk) => {
    if (sig === SECRET_SIG) {
      return { [SIG_KEY]: OUTPUT_SIG, secret: true, value: walk(value.value) };
    }
    if (sig === RESOURCE_SIG) {
      const ref: Wire = { [SIG_KEY]: RESOURCE_SIG, urn: value.urn };
      if ("id" in value) {
        ref.id = referenceId(walk(value.id));
      }
      if (typeof value.packageVersion === "string" && value.packageVersion) {
        ref.packageVersion = value.packageVersion;
      }
      return ref;
    }
    return value;
  },
  (leaf) => (typeof leaf === "string" && UNKNOWNS.has(leaf) ? { [SIG_KEY]: OUTPUT_SIG } : leaf),
);

/** The URNs a value depends on through the output values inside it (the engine's addOutputDependencies). */
export function outputDependencies(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    value.forEach((v) => outputDependencies(v, into));
  } else if (isRecord(value)) {
    const sig = value[SIG_KEY];
    if (sig === OUTPUT_SIG) {
      if ("value" in value) {
        outputDependencies(value.value, into);
      }
      if (Array.isArray(value.dependencies)) {
        value.dependencies.forEach((d) => typeof d === "string" && into.add(d));
      }
    } else if (sig === RESOURCE_SIG) {
      outputDependencies(value.id, into);
    } else if (sig === SECRET_SIG) {
      outputDependencies(value.value, into);
    } else if (sig === undefined) {
      Object.values(value).forEach((v) => outputDependencies(v, into));
    }
  }
  return into;
}

/**
 * The properties a transform is sent for a registration's serialized object. `dependencies` (only
 * for a resource with transforms of its own) maps each property to the URNs it depends on; a property
 * that does not already carry them becomes an output value that does.
 */
export function transformProperties(object: Wire, dependencies?: ReadonlyMap<string, readonly string[]>): Wire {
  const props = mapObject(object, upgrade);
  if (!dependencies) {
    return props;
  }
  for (const [key, value] of Object.entries(props)) {
    const deps = dependencies.get(key);
    if (!deps) {
      continue;
    }
    const current = outputDependencies(value);
    if (deps.every((d) => current.has(d))) {
      continue;
    }
    const output: Wire = isOutput(value) ? { ...value } : { [SIG_KEY]: OUTPUT_SIG, value };
    const merged = new Set(Array.isArray(output.dependencies) ? (output.dependencies as string[]) : []);
    deps.forEach((d) => merged.add(d));
    output.dependencies = [...merged];
    props[key] = output;
  }
  return props;
}

const references = wireWalk((value, sig, walk) => {
  if (sig === RESOURCE_SIG && "id" in value) {
    return { ...value, id: referenceId(value.id) };
  }
  if (sig === SECRET_SIG) {
    return { ...value, value: walk(value.value) };
  }
  return value;
});

/**
 * The arguments an invoke transform is sent: the engine reads an invoke's arguments without output
 * values, so secrets and unknowns stay as they are; only an unknown resource id is marshalled as "".
 */
export function invokeTransformArgs(args: Wire): Wire {
  return mapObject(args, references);
}

const downgrade = wireWalk((value, sig, walk) => {
  if (sig === OUTPUT_SIG) {
    const plain = "value" in value ? walk(value.value) : UNKNOWN;
    return value.secret === true ? { [SIG_KEY]: SECRET_SIG, value: plain } : plain;
  }
  if (sig === SECRET_SIG) {
    return { [SIG_KEY]: SECRET_SIG, value: walk(value.value) };
  }
  if (sig === RESOURCE_SIG && "id" in value) {
    const id = referenceId(walk(value.id));
    return { ...value, id: id === "" ? UNKNOWN : id };
  }
  return value;
});

/**
 * What the engine registers from the properties the last transform returned: output values become
 * plain, secret or unknown values again (downgradeOutputValues), in the form the SDK itself sends, so
 * the rest of the recording path reads them like any other registration.
 */
export function registeredProperties(props: Wire): Wire {
  return mapObject(props, downgrade);
}
