// The npm start summary: one row per target with finding counts, fixture match and exit code.
export interface SummaryRow {
  target: string;
  resources: number;
  mandatory: number;
  advisory: number;
  waived: number;
  undecided: number;
  remediated: number;
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

export function summaryTable(rows: SummaryRow[]): string {
  const cells = [COLUMNS.map(String), ...rows.map((r) => COLUMNS.map((c) => String(r[c])))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row: string[]): string =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(cells[0]), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n") + "\n";
}
