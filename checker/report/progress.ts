// The progress lines a non-interactive run (a CI log) prints on stderr: one per finished phase, so a
// long check is never silent and the log shows which phase a slow or stuck run was in.
import type { PhaseEvent } from "../types";
import { summaryLine } from "./text";

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The phase's one line, without its newline: `<phase>: <what it found> (<duration>)`. */
export function phaseLine(event: PhaseEvent): string {
  switch (event.phase) {
    case "record":
      return `record: ${event.resources} resources${event.state ? " read from the stack export" : ""} (${seconds(event.ms)})`;
    case "pack":
      return `pack: ${event.name}@${event.version} ready, ${event.policies} policies (${seconds(event.ms)})`;
    case "analyze":
      return `analyze: ${summaryLine(event.report)} (${seconds(event.ms)})`;
    case "second look":
      return event.decided === undefined
        ? `second look: not done (${seconds(event.ms)})`
        : `second look: ${event.undecided} undecided core finding(s) judged with a deployed stack's outputs, ${event.decided} violation(s) decided (${seconds(event.ms)})`;
  }
}
