// Command-line parsing for pipeline-check; every mistake is a CheckError naming the flag.
import { isDirectory, isGlob } from "./audit/sources";
import { CheckError } from "./errors";
import { columns, optionLines, parseOptions, type OptionSpecs } from "./options";
import { FORMAT_NAMES, FORMATS, formatList, isFormatName, type FormatName } from "./report/formats";
import { parseStackTagFlags } from "./stackTags";

export interface CliArgs {
  program?: string;
  policyPack?: string;
  policyPackConfig?: string;
  stack: string;
  config: string[];
  stackTags: string[];
  /** The one stack export of a single `--state` check. */
  state?: string;
  /** The --state values of an audit (several, a directory, a glob, or --audit): files, directories and globs. */
  audit?: string[];
  format: FormatName;
  output?: string;
  /** SARIF's SRCROOT; default: the git repository of the target, else the working directory. */
  sourceRoot?: string;
  verbose: boolean;
  timeoutSeconds: number;
  version?: boolean;
  /** Deadline of the pack's start; without the flag, the same as timeoutSeconds. */
  packTimeoutSeconds?: number;
  /** Off with --no-second-look. */
  secondLook: boolean;
  help: boolean;
}

function seconds(value: string, flag: string): void {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    throw new CheckError(`${flag} ${value}: expected a positive number of seconds`);
  }
}

/** Every option of pipeline-check, in the order the usage text lists them. */
export const OPTIONS = {
  "policy-pack": { type: "string", valueName: "DIR", description: "policy pack directory (default: policies)" },
  "policy-pack-config": {
    type: "string",
    valueName: "FILE",
    description: "policy config, same JSON as 'pulumi preview --policy-pack-config'",
  },
  stack: { type: "string", valueName: "NAME", default: "dev", description: "stack whose Pulumi.<stack>.yaml config is used" },
  config: {
    type: "string",
    valueName: "key=value",
    multiple: true,
    description: "extra stack config, repeatable (keys without namespace get the project's)",
    check: (value: string, flag: string) => {
      if (value.indexOf("=") <= 0) {
        throw new CheckError(`${flag} ${value}: expected key=value (for example --config aws:region=us-east-1)`);
      }
    },
  },
  "stack-tag": {
    type: "string",
    valueName: "key=value",
    multiple: true,
    description:
      "a stack tag policies see (stackTags), repeatable; pulumi:project, pulumi:runtime and pulumi:description come from Pulumi.yaml",
    check: (value: string) => {
      parseStackTagFlags([value]);
    },
  },
  state: {
    type: "string",
    valueName: "FILE",
    multiple: true,
    description:
      "check a 'pulumi stack export' file the way 'pulumi policy analyze --file' does, instead of running a program; repeatable, " +
      "and a directory (its .json files) or a quoted glob audits many stacks with one pack",
  },
  audit: {
    type: "boolean",
    description: "report --state as an audit (per-stack table, policy x stacks matrix) even when it names one export, as a shard does",
  },
  format: {
    type: "string",
    valueName: FORMAT_NAMES.join("|"),
    default: "text",
    description: "output format, one of the formats below",
    check: (value: string, flag: string) => {
      if (!isFormatName(value)) {
        throw new CheckError(`${flag} ${value}: use ${formatList()}`);
      }
    },
  },
  output: { type: "string", valueName: "FILE", description: "write the report to FILE instead of stdout" },
  "source-root": {
    type: "string",
    valueName: "DIR",
    description: "report paths are relative to DIR (default: the git repository of PROGRAM)",
  },
  timeout: {
    type: "string",
    valueName: "SECONDS",
    default: "300",
    check: seconds,
    description: "bound on running the program, and on starting the pack unless --pack-timeout is given",
  },
  "pack-timeout": {
    type: "string",
    valueName: "SECONDS",
    check: seconds,
    description: "bound on starting the pack, a deadline of its own (default: --timeout)",
  },
  "no-second-look": {
    type: "boolean",
    description:
      "do not run the program a second time when a core policy is undecided (by default its outputs are assumed as a deployed stack would have them, " +
      "and what that decides is reported as a [second look: ...] violation)",
  },
  verbose: {
    type: "boolean",
    description:
      "status messages, program output and stack traces on errors (a stderr that is not a terminal always gets one progress line per phase)",
  },
  version: { type: "boolean", description: "the kit's version" },
  help: { type: "boolean", short: "h", description: "this text" },
} as const satisfies OptionSpecs;

/** The usage's format lines, from FORMATS. */
function formatLines(): string {
  return columns(FORMAT_NAMES.map((name) => [name, FORMATS[name].description]));
}

/** The text of --help, its option lines and formats generated from OPTIONS and FORMATS. */
export const USAGE = `Usage: pipeline-check [PROGRAM] [options]

Checks a Pulumi program against a policy pack offline, as 'pulumi preview --policy-pack' would.
PROGRAM: a directory with Pulumi.yaml or index.ts, or a .ts/.js file (default: the reference stack).

Options:
${optionLines(OPTIONS)}
Formats:
${formatLines()}
Exit codes: 0 no mandatory violation, 1 mandatory violations, 2 the check could not run (an audit: no export
could be read).

pipeline-check merge REPORT.json... [--format FORMAT] [--output FILE] [--source-root DIR] combines the
JSON audit reports of shards into the report of one audit over all their exports.
`;

/** pipeline-check's arguments; a mistake is a CheckError naming the flag. */
export function parseArgs(argv: string[]): CliArgs {
  const { values, positionals } = parseOptions(argv, OPTIONS, "--help");
  if (positionals.length > 1) {
    throw new CheckError(`expected at most one PROGRAM, got ${positionals.join(", ")}`);
  }
  const states = values.state ?? [];
  if (positionals.length === 1 && states.length > 0) {
    throw new CheckError(`--state ${states[0]}: give either a PROGRAM or --state, not both`);
  }
  if (values.audit && states.length === 0) {
    throw new CheckError("--audit: give the stack exports to audit with --state (see --help)");
  }
  const audit = values.audit === true || states.length > 1 || states.some((s) => isGlob(s) || isDirectory(s));
  return {
    program: positionals[0],
    policyPack: values["policy-pack"],
    policyPackConfig: values["policy-pack-config"],
    stack: values.stack,
    config: values.config ?? [],
    stackTags: values["stack-tag"] ?? [],
    state: audit ? undefined : states[0],
    audit: audit ? states : undefined,
    // The option's check admitted only a format's name.
    format: values.format as FormatName,
    output: values.output,
    sourceRoot: values["source-root"],
    verbose: values.verbose === true,
    timeoutSeconds: Number(values.timeout),
    version: values.version,
    packTimeoutSeconds: values["pack-timeout"] === undefined ? undefined : Number(values["pack-timeout"]),
    secondLook: values["no-second-look"] !== true,
    help: values.help === true,
  };
}

/** The options of `pipeline-check merge`: how to write the merged report. */
export const MERGE_OPTIONS = {
  format: OPTIONS.format,
  output: OPTIONS.output,
  "source-root": {
    ...OPTIONS["source-root"],
    description: "report paths are relative to DIR (default: the git repository of the first REPORT)",
  },
  version: OPTIONS.version,
  help: OPTIONS.help,
} as const satisfies OptionSpecs;

/** The text of merge --help. */
export const MERGE_USAGE = `Usage: pipeline-check merge REPORT.json... [options]

Combines the JSON audit reports of shards (each from 'pipeline-check --state ... --format json') into the
report one audit over all their exports gives: stacks listed by export path, totals and matrix recomputed.
Refuses a file that is not an audit report, a stack in two shards, and shards run with another kit
version, policy pack or policy config.

Options:
${optionLines(MERGE_OPTIONS)}
Formats:
${formatLines()}
Exit codes: 0 no mandatory violation, 1 mandatory violations, 2 the merge was refused or no export could be read.
`;
