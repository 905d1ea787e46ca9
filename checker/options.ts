// Command-line options declared once: node:util's parseArgs splits the arguments, the declaration
// checks every value and writes the usage lines, so a flag's help cannot drift from its parsing.
import { parseArgs } from "node:util";
import { CheckError } from "./errors";

/** One option: what parseArgs needs (type, short, multiple, default) plus what the usage text shows. */
export interface OptionSpec {
  type: "string" | "boolean";
  /** A one-letter alias (`-h`). */
  short?: string;
  /** Repeatable: every occurrence is kept, in order. */
  multiple?: boolean;
  /** The value when the option is absent; the usage text shows it. */
  default?: string;
  /** What the usage text shows after the flag (`FILE`); string options only. */
  valueName?: string;
  /** One sentence, wrapped to the usage's width. */
  description: string;
  /** Rejects each occurrence's value with a CheckError naming the flag. */
  check?: (value: string, flag: string) => void;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

type ValueOf<S extends OptionSpec> = S extends { multiple: true } ? string[] : S extends { type: "string" } ? string : boolean;

/** The parsed values: an option with a default is always set, others may be absent. */
export type OptionValues<T extends OptionSpecs> = {
  [K in keyof T]: T[K] extends { default: string } ? ValueOf<T[K]> : ValueOf<T[K]> | undefined;
};

/** The usage's width, a terminal's 80 columns being too narrow for the flags and their column. */
const WIDTH = 104;

/** `--flag VALUE` (and `-x`) as the usage text shows it. */
function flagText(name: string, spec: OptionSpec): string {
  return [`--${name}${spec.valueName ? ` ${spec.valueName}` : ""}`, ...(spec.short ? [`-${spec.short}`] : [])].join(", ");
}

/** Greedy word wrap; a word longer than the width gets a line of its own. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return [...lines, line];
}

/** Rows of a usage section: each term indented, its text wrapped in a column of its own. */
export function columns(rows: ReadonlyArray<readonly [string, string]>): string {
  const column = Math.max(...rows.map(([term]) => term.length)) + 4;
  return rows
    .flatMap(([term, text]) => wrap(text, WIDTH - column).map((line, j) => `${(j === 0 ? `  ${term}` : "").padEnd(column)}${line}\n`))
    .join("");
}

/** The usage's option lines: each flag, then its description and default. */
export function optionLines(specs: OptionSpecs): string {
  return columns(
    Object.entries(specs).map(([name, spec]) => [
      flagText(name, spec),
      spec.default === undefined ? spec.description : `${spec.description} (default: ${spec.default})`,
    ]),
  );
}

/**
 * Parses `argv` against `specs`: the values and the positional arguments. A mistake (an unknown option,
 * a missing value, a value a switch does not take, a value its check rejects) is a CheckError naming the
 * flag and ending with `(see HELP)`. A string option's value is the next argument even when it starts
 * with `-`, as the flag's user wrote it.
 */
export function parseOptions<T extends OptionSpecs>(
  argv: string[],
  specs: T,
  help: string,
): { values: OptionValues<T>; positionals: string[] } {
  const { values, positionals, tokens } = parseArgs({ args: argv, options: specs, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== "option") {
      continue;
    }
    const spec = Object.hasOwn(specs, token.name) ? specs[token.name] : undefined;
    const flag = `--${token.name}`;
    if (!spec) {
      throw new CheckError(`unknown option ${argv[token.index]} (see ${help})`);
    }
    if (spec.type === "boolean" && token.value !== undefined) {
      throw new CheckError(`option ${flag} takes no value (see ${help})`);
    }
    if (spec.type === "string") {
      if (!token.value) {
        throw new CheckError(`option ${flag} needs a value (see ${help})`);
      }
      spec.check?.(token.value, flag);
    }
  }
  // Every token matched its declaration above, so the values have the declared types.
  return { values: values as unknown as OptionValues<T>, positionals };
}
