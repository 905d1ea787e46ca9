import { CannotRunError } from "./errors";

export interface VerifyArgs {
  stack?: string;
  outputsFile?: string;
  json: boolean;
  help: boolean;
}

export const USAGE = "usage: npm run verify -- --stack NAME [--outputs FILE] [--json]";

const VALUE_FLAGS = new Set(["--stack", "--outputs"]);

export function parseArgs(argv: readonly string[]): VerifyArgs {
  const args: VerifyArgs = { json: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf("=");
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (VALUE_FLAGS.has(flag)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (!value || value.startsWith("-")) throw new CannotRunError(`${flag} needs a value; ${USAGE}`);
      if (flag === "--stack") args.stack = value;
      else args.outputsFile = value;
    } else if (arg === "--json") {
      args.json = true;
    } else if (arg === "--help" || arg === "-h") {
      args.help = true;
    } else {
      throw new CannotRunError(`unknown argument '${arg}'; ${USAGE}`);
    }
  }
  return args;
}
