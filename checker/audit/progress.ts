// An audit's progress on stderr: a bar redrawn in place on a terminal, else (a CI log) one line every
// tenth of the exports (at most every 50, at least every one), so a long audit is never silent.
import type { AuditProgress } from "./run";

/** The width of the bar, in characters. */
const BAR = 30;

/** How many exports pass between two progress lines in a log. */
export function lineEvery(total: number): number {
  return Math.max(1, Math.min(50, Math.ceil(total / 10)));
}

function counts(p: AuditProgress): string {
  return `${p.done}/${p.total} exports (${p.unreadable} unreadable, ${p.failing} failing)`;
}

/** The progress callback of an audit writing to `write`: a bar when `terminal`, else lines. */
export function auditProgress(terminal: boolean, write: (text: string) => void): (p: AuditProgress) => void {
  if (terminal) {
    return (p) => {
      const filled = Math.round((BAR * p.done) / p.total);
      write(`\r[${"#".repeat(filled)}${"-".repeat(BAR - filled)}] ${counts(p)}${p.done === p.total ? "\n" : ""}`);
    };
  }
  return (p) => {
    if (p.done % lineEvery(p.total) === 0 || p.done === p.total) {
      write(`audit: ${counts(p)}\n`);
    }
  };
}
