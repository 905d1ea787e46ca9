import { parseArgs, USAGE } from "./args";
import { allChecks } from "./checks";
import { createClients } from "./clients";
import { CannotRunError } from "./errors";
import { loadOutputs } from "./outputs";
import { exitCodeFor, formatJson, formatText } from "./report";
import { runChecks } from "./run";

export interface CliDeps {
  env: NodeJS.ProcessEnv;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Exit codes: 0 every check passed, 1 some check failed, 2 the verifier could not run. */
export async function main(argv: readonly string[], deps: CliDeps): Promise<0 | 1 | 2> {
  try {
    const args = parseArgs(argv);
    if (args.help) {
      deps.out(`${USAGE}\nOutputs come from PIPELINE_OUTPUTS_FILE, else --outputs FILE, else \`pulumi stack output\` for --stack.\n`);
      return 0;
    }
    const outputs = loadOutputs({ env: deps.env, outputsFile: args.outputsFile, stack: args.stack });
    const results = await runChecks(allChecks, { outputs, clients: createClients(outputs.region) });
    const label = args.stack ?? outputs.pipelineName;
    deps.out(args.json ? formatJson(label, results) : formatText(label, results));
    return exitCodeFor(results);
  } catch (error) {
    // User mistakes and missing prerequisites get one line; anything else is a bug and keeps its stack.
    if (!(error instanceof CannotRunError)) throw error;
    deps.err(`verify: ${error.message}\n`);
    return 2;
  }
}

/* istanbul ignore next -- process entry point; tests/verify/cli.test.ts runs it in a child process */
if (require.main === module) {
  void main(process.argv.slice(2), {
    env: process.env,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  }).then((code) => {
    process.exitCode = code;
  });
}
