// The npm start summary: one row per target with finding counts, fixture match and exit code; the table
// layout is shared with the audit's tables.
import type { FindingCounts } from "../types";

export interface SummaryRow extends FindingCounts {
  target: string;
  /** "match", "MISMATCH", or "-" for the reference stack; "error" when the check could not run. */
  expected: string;
  exit: number;
}

const COLUMNS: (keyof SummaryRow)[] = [
  "target",
  "resources",
  "mandatory",
  "advisory",
  "waived",
  "undecided",
  "remediated",
  "expected",
  "exit",
];

/**
 * Rows under a header, each column as wide as its widest cell and separated by two spaces, with a
 * rule of dashes under the header; a column is left-aligned when `left` says so, else right-aligned.
 */
export function alignTable(header: string[], rows: string[][], left: (column: number) => boolean): string {
  const cells = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row: string[]): string =>
    row
      .map((cell, i) => (left(i) ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n") + "\n";
}

export function summaryTable(rows: SummaryRow[]): string {
  return alignTable(
    COLUMNS.map(String),
    rows.map((r) => COLUMNS.map((c) => String(r[c]))),
    (i) => i === 0,
  );
}
