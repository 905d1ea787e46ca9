// pipeline-check: parses flags, runs the check (or an audit of many stack exports, or a merge of audits), writes the
// chosen format, maps outcomes to exit codes.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { MERGE_OPTIONS, MERGE_USAGE, parseArgs, USAGE, type CliArgs } from "./args";
import { readShard, mergeShards } from "./audit/merge";
import { auditProgress } from "./audit/progress";
import { auditExitCode } from "./audit/report";
import { runAudit, type AuditResult } from "./audit/run";
import { mandatoryCount } from "./analyze/interpret";
import { CheckError, messageOf } from "./errors";
import { runCheck, type CheckResult } from "./index";
import { KIT_ROOT } from "./record/run";
import { stopAll } from "./serve/processes";
import { parseOptions } from "./options";
import { FORMATS, type FormatName } from "./report/formats";
import { phaseLine } from "./report/progress";
import { unansweredNote } from "./report/unanswered";
import { useColour } from "./report/text";

export const EXIT_CLEAN = 0;
export const EXIT_VIOLATIONS = 1;
export const EXIT_CANNOT_RUN = 2;

/** The kit's version, from its package.json (`--version` of every command). */
export function kitVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(KIT_ROOT, "package.json"), "utf8")) as { version?: string };
  return pkg.version ?? "0.0.0";
}

/** SRCROOT of SARIF: --source-root, else the git repository holding the target, else the working directory. */
export function sourceRoot(given: string | undefined, target: string): string {
  if (given) {
    return path.resolve(given);
  }
  try {
    const top = execFileSync("git", ["rev-parse", "--show-toplevel"], {
      cwd: path.dirname(path.resolve(target)),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    if (top) {
      return top;
    }
  } catch {
    // not in a git repository, or no git: the working directory stands in
  }
  return process.cwd();
}

/** Fails before the run, not after it, when --output cannot be written: a long check is not wasted. */
export function checkWritable(file: string): void {
  const target = fs.existsSync(file) ? file : path.dirname(path.resolve(file));
  try {
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      throw Object.assign(new Error("a directory"), { code: "EISDIR" });
    }
    fs.accessSync(target, fs.constants.W_OK);
  } catch (e) {
    throw new CheckError(`--output ${file}: cannot write the file (${(e as NodeJS.ErrnoException).code ?? messageOf(e)})`);
  }
}

/** The report in the chosen format; `colour` when stdout is a terminal that takes it. */
export function render(result: CheckResult, args: CliArgs, colour: boolean): string {
  return FORMATS[args.format].render(result, {
    pack: result.pack,
    locations: result.locations,
    entry: result.entry,
    state: args.state !== undefined,
    root: sourceRoot(args.sourceRoot, result.entry),
    colour,
    toolVersion: kitVersion(),
  });
}

/** Prints the usage for --help, else the kit's version for --version; whether it printed either. */
/** The --verbose line on peak resident memory (the bench reads it): the checker's own and its pack processes'. */
export function memoryLine(checkerKb: number, packKb: number | undefined): string {
  const mb = (kb: number): string => `${Math.round(kb / 1024)} MB`;
  return `memory: checker peak ${mb(checkerKb)}, pack peak ${packKb === undefined ? "unknown" : mb(packKb)}`;
}

function answersHelpOrVersion(flags: { help?: boolean; version?: boolean }, usage: string): boolean {
  if (flags.help) {
    process.stdout.write(usage);
  } else if (flags.version) {
    process.stdout.write(`pipeline-check ${kitVersion()}\n`);
  }
  return flags.help === true || flags.version === true;
}

/** The report to --output, else stdout. */
function writeReport(out: string, output: string | undefined): void {
  if (!output) {
    process.stdout.write(out);
    return;
  }
  try {
    fs.writeFileSync(output, out);
  } catch (e) {
    throw new CheckError(`--output ${output}: cannot write the file (${(e as NodeJS.ErrnoException).code ?? messageOf(e)})`);
  }
}

/** Writes an audit's report and its warnings; an audit that read no export also gets the error line. Returns the exit code. */
function finishAudit(result: AuditResult, format: FormatName, output: string | undefined, root: string): number {
  for (const warning of result.warnings) {
    process.stderr.write(`warning: ${warning}\n`);
  }
  writeReport(FORMATS[format].renderAudit(result.report, root), output);
  const code = auditExitCode(result.report);
  if (code === EXIT_CANNOT_RUN) {
    const first = result.report.unreadable[0];
    process.stderr.write(
      `pipeline-check: none of the ${result.report.totals.exports} stack export(s) could be read${first ? ` (${first.source}: ${first.reason})` : ""}\n`,
    );
  }
  return code;
}

/** `--state` naming several exports (or --audit): one pack judges them all; progress on stderr. */
async function audit(values: string[], args: CliArgs, terminal: boolean): Promise<number> {
  const root = sourceRoot(args.sourceRoot, values[0]);
  const progress = auditProgress(terminal, (text) => process.stderr.write(text));
  const result = await runAudit({
    sources: values,
    policyPack: args.policyPack,
    policyPackConfig: args.policyPackConfig,
    stackTags: args.stackTags,
    packTimeoutSeconds: args.packTimeoutSeconds ?? args.timeoutSeconds,
    root,
    toolVersion: kitVersion(),
    onStatus: args.verbose || terminal ? (m) => process.stderr.write(`${m}\n`) : undefined,
    onPhase: terminal ? undefined : (e) => process.stderr.write(`${phaseLine(e)}\n`),
    onProgress: progress,
  });
  return finishAudit(result, args.format, args.output, root);
}

/** `pipeline-check merge REPORT.json...`: the shards' audit reports as one. */
function merge(argv: string[]): number {
  const { values, positionals } = parseOptions(argv, MERGE_OPTIONS, "merge --help");
  if (answersHelpOrVersion(values, MERGE_USAGE)) {
    return EXIT_CLEAN;
  }
  if (positionals.length === 0) {
    throw new CheckError("merge: give the JSON audit reports of the shards (see merge --help)");
  }
  if (values.output) {
    checkWritable(values.output);
  }
  const report = mergeShards(positionals.map(readShard));
  const root = sourceRoot(values["source-root"], positionals[0]);
  return finishAudit({ report, warnings: [] }, values.format as FormatName, values.output, root);
}

export async function main(argv: string[]): Promise<number> {
  let verbose = argv.includes("--verbose");
  try {
    if (argv[0] === "merge") {
      return merge(argv.slice(1));
    }
    const args = parseArgs(argv);
    verbose = args.verbose;
    if (answersHelpOrVersion(args, USAGE)) {
      return EXIT_CLEAN;
    }
    if (args.output) {
      checkWritable(args.output);
    }
    const terminal = process.stderr.isTTY === true;
    if (args.audit) {
      return await audit(args.audit, args, terminal);
    }
    const result = await runCheck({
      program: args.program,
      policyPack: args.policyPack,
      policyPackConfig: args.policyPackConfig,
      stack: args.stack,
      config: args.config,
      stackTags: args.stackTags,
      state: args.state,
      timeoutSeconds: args.timeoutSeconds,
      packTimeoutSeconds: args.packTimeoutSeconds,
      secondLook: args.secondLook,
      onStatus: verbose || terminal ? (m) => process.stderr.write(`${m}\n`) : undefined,
      // Off a terminal (a CI log) the status messages stay quiet, but each finished phase says so in one line.
      onPhase: terminal ? undefined : (e) => process.stderr.write(`${phaseLine(e)}\n`),
      onProgramOutput: verbose ? (c) => process.stderr.write(c) : undefined,
    });
    if (verbose) {
      process.stderr.write(
        `timings: record ${result.timings.record} ms, serve ${result.timings.serve} ms, analyze ${result.timings.analyze} ms\n`,
      );
      process.stderr.write(`${memoryLine(process.resourceUsage().maxRSS, result.packPeakRssKb)}\n`);
    }
    for (const warning of result.warnings) {
      process.stderr.write(`warning: ${warning}\n`);
    }
    const unanswered = unansweredNote(result.unansweredFunctions);
    if (unanswered) {
      process.stderr.write(`${unanswered}\n`);
    }
    if (result.unseen.length > 0) {
      process.stderr.write(
        `note: the resources inside ${result.unseen.length} remote component(s) (${result.unseen.join(", ")}) are not checked offline: ` +
          "their provider plugin builds them only in a real pulumi preview --policy-pack\n",
      );
    }
    writeReport(render(result, args, !args.output && useColour(process.stdout, process.env)), args.output);
    return mandatoryCount(result) > 0 ? EXIT_VIOLATIONS : EXIT_CLEAN;
  } catch (e) {
    if (e instanceof CheckError) {
      process.stderr.write(`pipeline-check: ${e.message}\n`);
      // A user's mistake: the checker's own frames would not help, the failing program's might.
      if (verbose && e.details) {
        process.stderr.write(`${e.details}\n`);
      }
    } else {
      process.stderr.write(`pipeline-check: internal error: ${messageOf(e).split("\n")[0]}\n`);
      if (verbose && e instanceof Error && e.stack) {
        process.stderr.write(`${e.stack}\n`);
      }
    }
    return EXIT_CANNOT_RUN;
  } finally {
    await stopAll();
  }
}
