/**
 * The random edits the fuzz applies to wire values: values removed, nulled, made unknown or secret
 * at any depth, documents swapped between JSON string, object and malformed text, and very large arrays.
 */
import fc from "fast-check";
import { unknown } from "../policy/harness";
import type { ValueArbitraries } from "./values";
import { isObject, isSecret, objectOf, parseDocument, secretOf, type Wire, type WireObject } from "./wire";

/** What an edit does at the value it reaches. */
export type Operation =
  | { readonly kind: "delete" | "null" | "unknown" | "secret" | "decode" | "encode" | "reshape" }
  | { readonly kind: "replace"; readonly value: Wire }
  | { readonly kind: "add"; readonly key: string; readonly value: Wire }
  | { readonly kind: "malform"; readonly variant: number }
  | { readonly kind: "huge"; readonly size: number };

/**
 * An edit walks down `path` (each step picks a child by index modulo the number of children;
 * secrets and JSON documents are entered transparently) and applies `operation` where the path
 * ends or no child is left.
 */
export interface Edit {
  readonly path: readonly number[];
  readonly operation: Operation;
}

function operationArbitrary(values: ValueArbitraries): fc.Arbitrary<Operation> {
  const simple = (kind: "delete" | "null" | "unknown" | "secret" | "decode" | "encode" | "reshape") => fc.constant({ kind });
  return fc.oneof(
    { weight: 3, arbitrary: simple("delete") },
    { weight: 2, arbitrary: simple("null") },
    { weight: 4, arbitrary: simple("unknown") },
    { weight: 4, arbitrary: simple("secret") },
    { weight: 2, arbitrary: simple("decode") },
    { weight: 1, arbitrary: simple("encode") },
    { weight: 1, arbitrary: simple("reshape") },
    { weight: 5, arbitrary: values.value.map((value) => ({ kind: "replace" as const, value })) },
    { weight: 3, arbitrary: fc.tuple(values.key, values.value).map(([key, value]) => ({ kind: "add" as const, key, value })) },
    { weight: 2, arbitrary: fc.nat().map((variant) => ({ kind: "malform" as const, variant })) },
  );
}

// Mostly shallow: the top levels of resource inputs are where the shapes policies read live.
const pathArbitrary = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.nat({ max: 1_000 }), { minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.nat({ max: 1_000 }), { minLength: 1, maxLength: 8 }) },
);

export function editArbitrary(values: ValueArbitraries): fc.Arbitrary<Edit> {
  return fc.record({ path: pathArbitrary, operation: operationArbitrary(values) });
}

/**
 * At most one huge array per input, applied last: thousands of elements exercise per-element
 * loops, while two nested huge arrays would multiply into millions of elements that say nothing more.
 */
export function hugeArbitrary(oneIn: number): fc.Arbitrary<Edit | undefined> {
  const huge = fc.record({
    path: pathArbitrary,
    operation: fc.integer({ min: 1_000, max: 3_000 }).map((size) => ({ kind: "huge" as const, size })),
  });
  return fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: huge });
}

const MALFORMED = ["{", "not json", "null", "[]", "1", `"text"`, "{}", `{"Statement": "x"}`, `{"source": {}}`, "\u0000"];

function malformed(value: Wire, variant: number): Wire {
  if (typeof value === "string" && value.length > 1 && variant % 3 === 0) {
    return value.slice(0, Math.max(1, variant % value.length));
  }
  if (variant % 3 === 1) {
    return `${typeof value === "string" ? value : JSON.stringify(value)}}`;
  }
  return MALFORMED[variant % MALFORMED.length];
}

function huge(value: Wire, size: number): Wire {
  if (Array.isArray(value)) {
    const items: readonly Wire[] = value;
    return Array.from({ length: size }, (_, index) => (items.length > 0 ? items[index % items.length] : index % 2 === 0 ? null : unknown));
  }
  return Array.from({ length: size }, () => value);
}

// Marks a value the edit removes from its container.
const REMOVED = Symbol("removed");
type Edited = Wire | typeof REMOVED;

function operate(value: Wire, operation: Operation): Edited {
  switch (operation.kind) {
    case "delete":
      return REMOVED;
    case "null":
      return null;
    case "unknown":
      return unknown;
    case "secret":
      return secretOf(value);
    case "replace":
      return operation.value;
    case "add":
      if (isObject(value)) {
        return objectOf([...Object.entries(value), [operation.key, operation.value]]);
      }
      return Array.isArray(value) ? [...(value as readonly Wire[]), operation.value] : objectOf([[operation.key, value]]);
    case "decode":
      return typeof value === "string" ? (parseDocument(value) ?? value) : value;
    case "encode":
      return typeof value === "object" && value !== null ? JSON.stringify(value) : value;
    case "reshape":
      if (Array.isArray(value)) {
        return objectOf((value as readonly Wire[]).map((item, index) => [String(index), item]));
      }
      return isObject(value) ? Object.values(value) : [value];
    case "malform":
      return malformed(value, operation.variant);
    case "huge":
      return huge(value, operation.size);
  }
}

function applyAt(value: Wire, path: readonly number[], operation: Operation): Edited {
  if (path.length === 0) {
    return operate(value, operation);
  }
  if (isSecret(value)) {
    const inner = applyAt(value.value, path, operation);
    return inner === REMOVED ? REMOVED : secretOf(inner);
  }
  const [choice, ...rest] = path;
  if (Array.isArray(value)) {
    const items: readonly Wire[] = value;
    if (items.length === 0) {
      return operate(value, operation);
    }
    const index = choice % items.length;
    const inner = applyAt(items[index], rest, operation);
    return inner === REMOVED ? items.filter((_, i) => i !== index) : items.map((item, i) => (i === index ? inner : item));
  }
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) {
      return operate(value, operation);
    }
    const index = choice % entries.length;
    const inner = applyAt(entries[index][1], rest, operation);
    return objectOf(
      inner === REMOVED ? entries.filter((_, i) => i !== index) : entries.map(([key, item], i) => [key, i === index ? inner : item]),
    );
  }
  const document = typeof value === "string" ? parseDocument(value) : undefined;
  if (document !== undefined) {
    const inner = applyAt(document, path, operation);
    return inner === REMOVED ? REMOVED : JSON.stringify(inner);
  }
  return operate(value, operation);
}

/** Applies the edits in order; the result stays an object (the engine always sends a property map). */
export function applyEdits(props: WireObject, edits: readonly (Edit | undefined)[]): WireObject {
  let current = props;
  for (const edit of edits) {
    if (edit) {
      const next = applyAt(current, edit.path, edit.operation);
      current = next !== REMOVED && isObject(next) && !isSecret(next) ? next : current;
    }
  }
  return current;
}

/** Sets `tags[key]`, creating or replacing a `tags` that is not a map. */
export function withTag(props: WireObject, key: string, value: Wire): WireObject {
  const tags = props.tags;
  const entries: [string, Wire][] = isObject(tags) && !isSecret(tags) ? Object.entries(tags) : [];
  return objectOf([...Object.entries(props).filter(([name]) => name !== "tags"), ["tags", objectOf([...entries, [key, value]])]]);
}
