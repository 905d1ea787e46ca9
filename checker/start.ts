// npm start: the reference stack and every fixture through one pack process, summarised in a table.
// Exits non-zero when the reference stack has any finding or a fixture differs from expected.json.
import * as path from "path";
import { mandatoryCount } from "./analyze/interpret";
import { kitVersion } from "./cli";
import { CheckError, messageOf } from "./errors";
import { compareFindings, actualLists, formatDifferences, listFixtures, readExpected } from "./fixtures";
import { runCheck, startPack, type CheckResult, type PackHandle } from "./index";
import { optionLines, parseOptions, type OptionSpecs } from "./options";
import { resolveProgram } from "./record/program";
import { KIT_ROOT } from "./record/run";
import { summaryTable, type SummaryRow } from "./report/table";

function row(target: string, result: CheckResult, expected: string): SummaryRow {
  const mandatory = mandatoryCount(result);
  return {
    target,
    resources: result.resources,
    mandatory,
    advisory: result.violations.length - mandatory,
    waived: result.waived.length,
    undecided: result.undecided.length,
    remediated: result.remediated.length,
    expected,
    exit: mandatory > 0 ? 1 : 0,
  };
}

function errorRow(target: string): SummaryRow {
  return { target, resources: 0, mandatory: 0, advisory: 0, waived: 0, undecided: 0, remediated: 0, expected: "error", exit: 2 };
}

/** The options of npm start: only these two, which start nothing. */
export const START_OPTIONS = {
  version: { type: "boolean", description: "the kit's version" },
  help: { type: "boolean", short: "h", description: "this text" },
} as const satisfies OptionSpecs;

/** The text of npm start -- --help. */
export const START_USAGE = `Usage: npm start [-- --help | --version]

Checks the reference stack (stack "dev") and every fixture under fixtures/ with the policy pack in
policies/, started once, and prints one summary row per target. A fixture passes when its findings
are exactly those of its expected.json. Use npm run check for one program, other options and formats.

Options:
${optionLines(START_OPTIONS)}
Exit codes: 0 the reference stack is clean and every fixture matches, 1 otherwise, 2 the check could not run.
`;

const START_HELP = "npm start -- --help";

/** `npm start [-- args]`: `root` holds Pulumi.yaml, policies/ and fixtures/ (the kit itself, or a test's copy). */
export async function main(argv: string[] = [], root = KIT_ROOT): Promise<number> {
  const log = (m: string): void => {
    process.stderr.write(`${m}\n`);
  };
  let pack: PackHandle | undefined;
  try {
    const { values, positionals } = parseOptions(argv, START_OPTIONS, START_HELP);
    if (values.help) {
      process.stdout.write(START_USAGE);
      return 0;
    }
    if (values.version) {
      process.stdout.write(`pipeline-check ${kitVersion()}\n`);
      return 0;
    }
    if (positionals.length > 0) {
      throw new CheckError(`unknown argument ${positionals[0]} (see ${START_HELP})`);
    }
    const reference = resolveProgram(root, root);
    pack = await startPack({ policyPack: path.join(root, "policies"), project: reference.project, stack: "dev", onStatus: log });
    const rows: SummaryRow[] = [];
    let failed = false;
    try {
      const result = await runCheck({ program: root, pack });
      const clean = result.violations.length === 0;
      rows.push(row("reference stack", result, clean ? "clean" : "NOT CLEAN"));
      failed ||= !clean;
    } catch (e) {
      log(`reference stack: ${messageOf(e)}`);
      rows.push(errorRow("reference stack"));
      failed = true;
    }
    for (const fixture of listFixtures(path.join(root, "fixtures"))) {
      const target = `fixtures/${fixture.name}`;
      try {
        const expected = readExpected(fixture.expectedFile);
        const result = await runCheck({ program: fixture.dir, pack });
        const differences = compareFindings(expected, actualLists(result));
        if (differences.length > 0) {
          log(formatDifferences(target, differences));
          failed = true;
        }
        rows.push(row(target, result, differences.length === 0 ? "match" : "MISMATCH"));
      } catch (e) {
        log(`${target}: ${messageOf(e)}`);
        rows.push(errorRow(target));
        failed = true;
      }
    }
    process.stdout.write(summaryTable(rows));
    return failed ? 1 : 0;
  } catch (e) {
    log(`pipeline-check: ${e instanceof CheckError ? e.message : `internal error: ${messageOf(e)}`}`);
    return 2;
  } finally {
    pack?.stop();
  }
}
