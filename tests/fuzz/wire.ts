/** Property values in the engine's wire form: the types, secrets, and JSON documents held in strings. */
import { secret } from "../policy/harness";

/** A property value as the engine sends it. */
export type Wire = null | boolean | number | string | readonly Wire[] | WireObject;
/** An object value on the wire. */
export interface WireObject {
  readonly [key: string]: Wire;
}

/**
 * The engine's signature key; an object carrying it with a value the SDK does not know is a wire
 * error the engine never sends, so generated keys must never be it.
 */
export const SIGNATURE = "4dabf18193072939515e22adb298388d";

/** An object value that is neither an array nor null. */
export function isObject(value: Wire | undefined): value is WireObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A secret in the engine's wire form. */
export function isSecret(value: Wire): value is WireObject {
  return isObject(value) && Object.prototype.hasOwnProperty.call(value, SIGNATURE);
}

/** Marks a value secret; the engine never nests secrets, so a secret stays as it is. */
export function secretOf(value: Wire): Wire {
  return isSecret(value) ? value : (secret(value) as WireObject);
}

/** Builds objects with `defineProperty` semantics, so a `__proto__` key stays an own key as on the wire. */
export function objectOf(entries: Iterable<readonly [string, Wire]>): WireObject {
  return Object.fromEntries(entries) as WireObject;
}

/** A JSON document held in a string (IAM policy, event pattern), or undefined when the string is not one. */
export function parseDocument(value: string): Wire | undefined {
  const start = value.trimStart()[0];
  if (start !== "{" && start !== "[") {
    return undefined;
  }
  try {
    return JSON.parse(value) as Wire;
  } catch {
    return undefined;
  }
}
