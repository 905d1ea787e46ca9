// JSON written the way Go's `encoding/json` writes it. The AWS provider renders policy documents with
// it, and its `json` output is compared as a string (diffs, ids), so the bytes matter, not only the
// value: struct fields keep their declared order, map keys are sorted, and `<`, `>`, `&`, U+2028 and
// U+2029 are escaped (Go's HTML-safe default).

/**
 * A value to write. A `Map` is a Go struct: its entries in insertion order. A plain object is a Go
 * map: its keys sorted.
 */
export type GoJson =
  string | number | boolean | null | readonly GoJson[] | ReadonlyMap<string, GoJson> | { readonly [key: string]: GoJson };

const HTML_UNSAFE = /[<>&\u2028\u2029]/g;

function goString(text: string): string {
  // JSON.stringify already escapes quotes, backslashes and control characters as Go does.
  return JSON.stringify(text).replace(HTML_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

// Go sorts map keys byte-wise; for the ASCII keys of policy documents that is code-unit order.
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function entriesOf(value: ReadonlyMap<string, GoJson> | { readonly [key: string]: GoJson }): (readonly [string, GoJson])[] {
  if (value instanceof Map) {
    return [...(value as ReadonlyMap<string, GoJson>)];
  }
  const record = value as { readonly [key: string]: GoJson };
  return Object.keys(record)
    .sort(byCodeUnits)
    .map((key) => [key, record[key]] as const);
}

function write(value: GoJson, indent: string | undefined, depth: number): string {
  if (typeof value === "string") {
    return goString(value);
  }
  if (typeof value !== "object" || value === null) {
    return JSON.stringify(value);
  }
  const open = indent === undefined ? "" : `\n${indent.repeat(depth + 1)}`;
  const close = indent === undefined ? "" : `\n${indent.repeat(depth)}`;
  if (Array.isArray(value)) {
    const items = value as readonly GoJson[];
    return items.length === 0 ? "[]" : `[${items.map((item) => open + write(item, indent, depth + 1)).join(",")}${close}]`;
  }
  const entries = entriesOf(value as ReadonlyMap<string, GoJson> | { readonly [key: string]: GoJson });
  const colon = indent === undefined ? ":" : ": ";
  return entries.length === 0
    ? "{}"
    : `{${entries.map(([key, item]) => open + goString(key) + colon + write(item, indent, depth + 1)).join(",")}${close}}`;
}

/** `json.Marshal(value)`, or `json.MarshalIndent(value, "", indent)` when `indent` is given. */
export function goJson(value: GoJson, indent?: string): string {
  return write(value, indent, 0);
}
