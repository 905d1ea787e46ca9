/**
 * Crash-proof readers for resource properties as the policy SDK hands them over.
 *
 * The SDK wraps every property bag in a proxy that throws `UnknownValueError` on reading a value
 * that is unknown during preview. Policies must neither crash on odd input nor pass silently on an
 * unknown they need, so every reader here turns such a read into the `UNKNOWN` marker, and the
 * `need` readers turn it into an `Undecided` error that the framework reports as `[undecided]`.
 */
import * as sdk from "@pulumi/policy";

/** Marks a value that is unknown during preview (an output of a resource not created yet). */
export const UNKNOWN: unique symbol = Symbol("unknown during preview");
export type Unknown = typeof UNKNOWN;

/** A property path: `"stages.0.actions"` or `["tags", "compliance:waive:x"]` for keys with dots. */
export type Path = string | readonly (string | number)[];

/** Thrown by `need` readers; the framework reports it as an `[undecided]` advisory finding. */
class Undecided extends Error {}

// The SDK exports the class at runtime, but its typings hide it (`proxy.d.ts` is empty).
const sdkUnknownValueError = (sdk as unknown as { UnknownValueError: new (...args: never[]) => Error }).UnknownValueError;

function isUnknownValueError(error: unknown): error is Error {
  return error instanceof sdkUnknownValueError;
}

/** An error a policy threw because a value it needs is unknown during preview: `Undecided`, or the SDK's own. */
export function isUnknownValueFailure(error: unknown): error is Error {
  return error instanceof Undecided || isUnknownValueError(error);
}

export function isUnknown(value: unknown): value is Unknown {
  return value === UNKNOWN;
}

function formatPath(path: Path): string {
  return typeof path === "string" ? path : path.join(".");
}

function segments(path: Path): readonly (string | number)[] {
  return typeof path === "string" ? path.split(".").filter((s) => s !== "") : path;
}

function ownValue(container: object, key: string | number): unknown {
  // Only own properties count, so `constructor` or `__proto__` in a path never reach the prototype.
  if (!Object.prototype.hasOwnProperty.call(container, key)) {
    return undefined;
  }
  try {
    return (container as Record<string | number, unknown>)[key];
  } catch (error) {
    if (isUnknownValueError(error)) {
      return UNKNOWN;
    }
    throw error;
  }
}

/** The value at `path`, `undefined` when absent or not reachable, `UNKNOWN` when unknown. */
export function lookup(root: unknown, path: Path): unknown {
  let current = root;
  for (const segment of segments(path)) {
    if (typeof current !== "object" || current === null) {
      return current === UNKNOWN ? UNKNOWN : undefined;
    }
    current = ownValue(current, segment);
  }
  return current;
}

/** True when the object at `path` has the own key `key`, whatever its value (even null or unknown). */
export function hasKey(root: unknown, path: Path, key: string): boolean {
  const container = lookup(root, path);
  return typeof container === "object" && container !== null && Object.prototype.hasOwnProperty.call(container, key);
}

/** True when the key holds a value, including an unknown one (presence is known even then). */
export function isSet(root: unknown, path: Path): boolean {
  const value = lookup(root, path);
  return value !== undefined && value !== null;
}

type Reader<T> = (root: unknown, path?: Path) => T | undefined | Unknown;

function typed<T>(accept: (value: unknown) => value is T): Reader<T> {
  return (root, path = []) => {
    const value = lookup(root, path);
    return value === UNKNOWN || accept(value) ? value : undefined;
  };
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Elements are read one by one so that an unknown element becomes `UNKNOWN`, not an exception. */
function elements(value: unknown): readonly unknown[] | undefined | Unknown {
  if (value === UNKNOWN) {
    return UNKNOWN;
  }
  if (!Array.isArray(value)) {
    return undefined;
  }
  const result: unknown[] = [];
  for (let index = 0; index < value.length; index++) {
    result.push(ownValue(value, index));
  }
  return result;
}

/** Readers that return `UNKNOWN` for unknown values and `undefined` for absent or mistyped ones. */
export const read = {
  string: typed((v): v is string => typeof v === "string"),
  boolean: typed((v): v is boolean => typeof v === "boolean"),
  number: typed((v): v is number => typeof v === "number" && Number.isFinite(v)),
  object: typed(isRecord),
  array: (root: unknown, path: Path = []): readonly unknown[] | undefined | Unknown => elements(lookup(root, path)),
  /** Own keys with their values; each value may be `UNKNOWN`. */
  entries: (root: unknown, path: Path = []): readonly [string, unknown][] | undefined | Unknown => {
    const value = lookup(root, path);
    if (!isRecord(value)) {
      return value === UNKNOWN ? UNKNOWN : undefined;
    }
    return Object.keys(value).map((key) => [key, ownValue(value, key)]);
  },
};

/** The value when known and present, else `fallback`: for places where absent and unknown mean the same. */
export function knownOr<T>(value: T | undefined | Unknown, fallback: T): T {
  return value === undefined || value === UNKNOWN ? fallback : value;
}

/** A list of strings read leniently: non-string elements are dropped, unknown ones flagged. */
export interface StringList {
  readonly values: readonly string[];
  readonly unknown: boolean;
}

/** Reads a string or an array of strings (the shape of most AWS "one or many" fields). */
export function readStrings(root: unknown, path: Path): StringList {
  const value = lookup(root, path);
  if (value === UNKNOWN) {
    return { values: [], unknown: true };
  }
  if (typeof value === "string") {
    return { values: [value], unknown: false };
  }
  const items = elements(value);
  if (items === undefined || items === UNKNOWN) {
    return { values: [], unknown: false };
  }
  return {
    values: items.filter((item): item is string => typeof item === "string"),
    unknown: items.includes(UNKNOWN),
  };
}

function decided<T>(reader: Reader<T>): (root: unknown, path: Path) => T | undefined {
  return (root, path) => {
    const value = reader(root, path);
    if (value === UNKNOWN) {
      throw new Undecided(`${formatPath(path)} is unknown during preview`);
    }
    return value;
  };
}

/** Readers for values a policy cannot decide without: an unknown value throws `Undecided`. */
export const need = {
  string: decided(read.string),
  boolean: decided(read.boolean),
  number: decided(read.number),
  object: decided(read.object),
  array: decided(read.array),
};
