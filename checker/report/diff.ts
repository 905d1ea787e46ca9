// The change a remediation made, as a list of leaf paths with their value before and after.
import { isRecord } from "../../model";
import type { PropertyChange } from "../types";

function join(base: string, key: string | number): string {
  if (typeof key === "number") {
    return `${base}[${key}]`;
  }
  return base ? `${base}.${key}` : key;
}

export function propertyChanges(before: unknown, after: unknown, base = ""): PropertyChange[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => propertyChanges(before[k], after[k], join(base, k)));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((v, i) => propertyChanges(v, after[i], join(base, i)));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) {
    return [];
  }
  return [{ path: base, before, after }];
}
