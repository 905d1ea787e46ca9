// Building HTML safely: `html` escapes every interpolated value unless it is markup `html` built itself,
// so a resource name, message or stack name from a program or an export always shows as text.

/** Markup already escaped: interpolated as is. Only `html` and `raw` make one. */
export class Html {
  constructor(readonly text: string) {}
}

/** What `html` interpolates: text and numbers are escaped, markup is kept, lists are concatenated. */
export type Part = Html | string | number | readonly Part[];

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text as HTML text or attribute value: the five characters that could open markup or end an attribute become entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

function part(value: Part): string {
  if (value instanceof Html) {
    return value.text;
  }
  if (Array.isArray(value)) {
    return (value as readonly Part[]).map(part).join("");
  }
  return escapeHtml(String(value));
}

/** A template of markup: every `${value}` goes through `escapeHtml` unless it is `Html`. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? part(values[i]) : ""), ""));
}

/** The kit's own constant markup (styles, the sorting script): never data. */
export function raw(text: string): Html {
  return new Html(text);
}
