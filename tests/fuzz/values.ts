/**
 * Property values in the engine's wire form and the random edits the fuzz applies to them: values
 * missing, null, wrong-typed, unknown or secret at any depth, documents (IAM policies, event
 * patterns) swapped between JSON string, object and malformed text, and very large arrays.
 */
import fc from "fast-check";
import { secret, unknown } from "../policy/harness";

export type Wire = null | boolean | number | string | readonly Wire[] | WireObject;
export interface WireObject {
  readonly [key: string]: Wire;
}

// The engine's signature key; an object carrying it with a value the SDK does not know is a wire
// error the engine never sends, so generated keys must never be it.
const SIGNATURE = "4dabf18193072939515e22adb298388d";

export function isObject(value: Wire | undefined): value is WireObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isSecret(value: Wire): value is WireObject {
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

/** Keys of objects and string values found in the seeds, documents included: the vocabulary policies read. */
export interface Vocabulary {
  readonly keys: readonly string[];
  readonly strings: readonly string[];
}

function parseDocument(value: string): Wire | undefined {
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

export function vocabularyOf(values: readonly Wire[]): Vocabulary {
  const keys = new Set<string>();
  const strings = new Set<string>();
  const visit = (value: Wire): void => {
    if (typeof value === "string") {
      const document = parseDocument(value);
      if (document === undefined) {
        strings.add(value);
      } else {
        visit(document);
      }
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (isObject(value)) {
      for (const [key, inner] of Object.entries(value)) {
        if (key !== SIGNATURE) {
          keys.add(key);
        }
        visit(inner);
      }
    }
  };
  values.forEach(visit);
  strings.delete(unknown);
  return { keys: [...keys].sort(), strings: [...strings].sort() };
}

// Values that steer policies into their branches or trip naive code: prototype keys, wildcards,
// provider and action names, waiver texts, credentials, regex bait and the sentinel inside a string.
const NASTY_STRINGS = [
  "",
  " ",
  "*",
  "?",
  "**",
  "s3:*",
  "*:*",
  "Allow",
  "Deny",
  "ThirdParty",
  "GitHub",
  "AWS",
  "CodeCommit",
  "CodeStarSourceConnection",
  "ECS",
  "CodeDeployToECS",
  "Deploy",
  "Source",
  "aws:kms",
  "aws:kms:dsse",
  "AES256",
  "alias/aws/s3",
  "arn:aws:kms:us-east-1:123456789012:alias/aws/s3",
  "Enabled",
  "Disabled",
  "ENABLED",
  "DISABLED",
  "BucketOwnerEnforced",
  "PLAINTEXT",
  "SECRETS_MANAGER",
  "aws.codecommit",
  "CodeCommit Repository State Change",
  "#{SourceVariables.BranchName}",
  "us-east-1",
  "eu-west-1",
  "AKIAABCDEFGHIJKLMNOP",
  "GITHUB_TOKEN",
  "https://ghp_0123456789abcdef0123456789abcdef01@github.com/o/r.git",
  "https://user:pass@example.com/r.git",
  "https://example.com/r.git?access_token=abc",
  "arn:aws:s3:::bucket",
  "arn:aws:s3:::bucket/*",
  "arn:aws:codecommit:us-east-1:1:repo",
  "aws:SecureTransport",
  "false",
  "true",
  "null",
  "0",
  "-1",
  "1e999",
  "NaN",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "length",
  "valueOf",
  "then",
  "fuzz; until=2999-12-31",
  "fuzz; until=2000-01-01",
  "; until=2999-12-31",
  "fuzz; until=2026-02-30",
  "fuzz",
  "2999-12-31",
  "a.b",
  "stages.0",
  "\u0000",
  "\u{1F525}é",
  "a*a*a*a*a*a*a*a*a*a*a*a*a*b",
  `prefix-${unknown}`,
  `{"Statement": 5}`,
  "{",
  "[]",
  "{}",
  `"x"`,
];

const NASTY_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "hasOwnProperty",
  "toString",
  "length",
  "0",
  "",
  "a.b",
  "region",
  "OAuthToken",
];

const LONG_STRING = "x".repeat(5_000);

export interface ValueArbitraries {
  readonly key: fc.Arbitrary<string>;
  readonly string: fc.Arbitrary<string>;
  readonly leaf: fc.Arbitrary<Wire>;
  /** Any wire value, with unknowns and secrets at any depth. */
  readonly value: fc.Arbitrary<Wire>;
  readonly object: fc.Arbitrary<WireObject>;
}

export function valueArbitraries(vocabulary: Vocabulary, extraKeys: readonly string[] = []): ValueArbitraries {
  const known = [...vocabulary.strings, ...NASTY_STRINGS];
  const string = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...known) },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constant(LONG_STRING) },
  );
  const key = fc
    .oneof(
      { weight: 6, arbitrary: fc.constantFrom(...vocabulary.keys, ...extraKeys) },
      { weight: 2, arbitrary: fc.constantFrom(...NASTY_KEYS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
    )
    .filter((candidate) => candidate !== SIGNATURE);
  const leaf: fc.Arbitrary<Wire> = fc.oneof(
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: fc.boolean() },
    {
      weight: 2,
      arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1, 2 ** 53 + 2, 1e308)),
    },
    { weight: 3, arbitrary: fc.constant(unknown) },
    { weight: 6, arbitrary: string },
  );
  const { value } = fc.letrec<{ value: Wire; array: Wire; object: Wire; secret: Wire }>((tie) => ({
    value: fc.oneof({ depthSize: "small", maxDepth: 3 }, leaf, tie("array"), tie("object"), tie("secret")),
    array: fc.array(tie("value"), { maxLength: 4 }),
    object: fc.array(fc.tuple(key, tie("value")), { maxLength: 4 }).map(objectOf),
    secret: tie("value").map(secretOf),
  }));
  const object = fc.array(fc.tuple(key, value), { maxLength: 6 }).map(objectOf);
  return { key, string, leaf, value, object };
}

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
