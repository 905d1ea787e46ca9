// Command-line parsing for pipeline-check; every mistake is a CheckError naming the flag.
import { CheckError } from "./errors";
import { parseStackTagFlags } from "./stackTags";

export type Format = "text" | "json" | "sarif";

export interface CliArgs {
  program?: string;
  policyPack?: string;
  policyPackConfig?: string;
  stack: string;
  config: string[];
  stackTags: string[];
  state?: string;
  format: Format;
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

export const USAGE = `Usage: pipeline-check [PROGRAM] [options]

Checks a Pulumi program against a policy pack offline, as 'pulumi preview --policy-pack' would.
PROGRAM: a directory with Pulumi.yaml or index.ts, or a .ts/.js file (default: the reference stack).

Options:
  --policy-pack DIR          policy pack directory (default: policies)
  --policy-pack-config FILE  policy config, same JSON as 'pulumi preview --policy-pack-config'
  --stack NAME               stack whose Pulumi.<stack>.yaml config is used (default: dev)
  --config key=value         extra stack config, repeatable (keys without namespace get the project's)
  --stack-tag key=value      a stack tag policies see (stackTags), repeatable; pulumi:project,
                             pulumi:runtime and pulumi:description come from Pulumi.yaml
  --state FILE               check a 'pulumi stack export' file the way 'pulumi policy analyze --file'
                             does, instead of running a program
  --format text|json|sarif   output format (default: text)
  --output FILE              write the report to FILE instead of stdout
  --source-root DIR          report paths are relative to DIR (default: the git repository of PROGRAM)
  --timeout SECONDS          bound on running the program (default: 300), and on starting the pack
                             unless --pack-timeout is given
  --pack-timeout SECONDS     bound on starting the pack, a deadline of its own (default: --timeout)
  --no-second-look           do not run the program a second time when a core policy is undecided
                             (by default its outputs are assumed as a deployed stack would have
                             them, and what that decides is reported as a [second look: ...] violation)
  --verbose                  status messages, program output and stack traces on errors (a stderr
                             that is not a terminal always gets one progress line per phase)
  --version                  the kit's version
  --help, -h                 this text

Exit codes: 0 no mandatory violation, 1 mandatory violations, 2 the check could not run.
`;

const VALUED = new Set(["--policy-pack", "--policy-pack-config", "--stack", "--config", "--stack-tag", "--state", "--format", "--output", "--timeout", "--pack-timeout", "--source-root"]);

function seconds(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    throw new CheckError(`${flag} ${value}: expected a positive number of seconds`);
  }
  return n;
}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { stack: "dev", config: [], stackTags: [], format: "text", verbose: false, timeoutSeconds: 300, secondLook: true, help: false };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    if (raw === "-h") {
      args.help = true;
      continue;
    }
    if (raw === "--version") {
      args.version = true;
      continue;
    }
    if (!raw.startsWith("--")) {
      positional.push(raw);
      continue;
    }
    const eq = raw.indexOf("=");
    const flag = eq > 0 && VALUED.has(raw.slice(0, eq)) ? raw.slice(0, eq) : raw;
    if (flag === "--help") {
      args.help = true;
      continue;
    }
    if (flag === "--verbose") {
      args.verbose = true;
      continue;
    }
    if (flag === "--no-second-look") {
      args.secondLook = false;
      continue;
    }
    if (!VALUED.has(flag)) {
      throw new CheckError(`unknown option ${raw} (see --help)`);
    }
    const value = flag !== raw ? raw.slice(eq + 1) : argv[++i];
    if (value === undefined || value === "") {
      throw new CheckError(`option ${flag} needs a value (see --help)`);
    }
    switch (flag) {
      case "--policy-pack": args.policyPack = value; break;
      case "--policy-pack-config": args.policyPackConfig = value; break;
      case "--stack": args.stack = value; break;
      case "--state": args.state = value; break;
      case "--output": args.output = value; break;
      case "--source-root": args.sourceRoot = value; break;
      case "--config":
        if (value.indexOf("=") <= 0) {
          throw new CheckError(`--config ${value}: expected key=value (for example --config aws:region=us-east-1)`);
        }
        args.config.push(value);
        break;
      case "--stack-tag":
        parseStackTagFlags([value]);
        args.stackTags.push(value);
        break;
      case "--format":
        if (value !== "text" && value !== "json" && value !== "sarif") {
          throw new CheckError(`--format ${value}: use text, json or sarif`);
        }
        args.format = value;
        break;
      case "--pack-timeout":
        args.packTimeoutSeconds = seconds(flag, value);
        break;
      default:
        args.timeoutSeconds = seconds(flag, value);
    }
  }
  if (positional.length > 1) {
    throw new CheckError(`expected at most one PROGRAM, got ${positional.join(", ")}`);
  }
  if (positional.length === 1 && args.state) {
    throw new CheckError(`--state ${args.state}: give either a PROGRAM or --state, not both`);
  }
  args.program = positional[0];
  return args;
}
