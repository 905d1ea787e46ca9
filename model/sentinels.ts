// The engine's wire forms for values that are not plain JSON. The model answers in these forms because
// its answers go back over the wire: to the SDK's mocks in the checker, to the engine from the plugin.

/** A value unknown during preview (`plugin.UnknownStringValue`): the only way the model says "unknown". */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export type Unknown = typeof UNKNOWN;

/** The key that marks an object as a special value, and the signature of a secret. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

export function isUnknown(value: unknown): value is Unknown {
  return value === UNKNOWN;
}

/** True for a plain object (a property map or a JSON object): not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when the value is, or holds anywhere inside it, the unknown sentinel. */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) {
    return true;
  }
  if (Array.isArray(value)) {
    return value.some(containsUnknown);
  }
  return isRecord(value) && Object.values(value).some(containsUnknown);
}

/**
 * The value with every secret replaced by what it wraps. A function computes on the plain value; the
 * SDK marks the result secret itself when an argument was (`invoke.js`, `inputsContainSecrets`).
 */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutSecrets);
  }
  if (!isRecord(value)) {
    return value;
  }
  if (value[SIG_KEY] === SECRET_SIG) {
    return withoutSecrets(value.value);
  }
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withoutSecrets(inner)]));
}
