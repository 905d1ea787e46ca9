// The real CLI in a child process: exit 2 and one clear stderr line per mistake, no stack trace.
import * as path from "path";
import { expectOneLineFailure, PACK, PROGRAM, runCli, scratch } from "./cliProcess";

const { dir: tmp, write } = scratch("pc-cli-");

jest.setTimeout(120_000);

const cli = (...args: string[]) => runCli(args);

describe("pipeline-check exits 2 with one line naming the cause", () => {
  it("for a nonexistent program path", () => {
    expectOneLineFailure(cli("no/such/program", "--policy-pack", PACK), /^pipeline-check: program not found: no\/such\/program/);
  });

  it("for a program with a syntax error, naming file, line and column", () => {
    const file = write("syntax/index.ts", 'import * as aws from "@pulumi/aws";\nconst x = ;\nnew aws.s3.Bucket("b");\n');
    expectOneLineFailure(cli(file, "--policy-pack", PACK), new RegExp(`failed to compile: ${file}:2:11: Expression expected\\.$`));
  });

  it("for a program that throws, naming where", () => {
    const file = write(
      "throws/index.ts",
      'import * as aws from "@pulumi/aws";\nnew aws.s3.Bucket("b");\nthrow new Error("no region configured");\n',
    );
    expectOneLineFailure(cli(file, "--policy-pack", PACK), /threw: no region configured \(.*throws\/index\.ts:3\)$/);
  });

  it("for a program whose Output's apply throws, as the engine fails it, with no report", () => {
    const file = path.join(__dirname, "programs", "apply-throws", "consumed.ts");
    expectOneLineFailure(
      cli(file, "--policy-pack", PACK),
      /threw: error serializing property "bucket": boom inside apply \(.*apply-throws\/consumed\.ts:8\)$/,
    );
  });

  it("for a program that throws, with --verbose showing the program's stack frames and none of the checker's", () => {
    const lib = write("deep/lib.ts", 'export function fail(): never {\n  throw new Error("broken on purpose");\n}\n');
    const file = write("deep/index.ts", 'import { fail } from "./lib";\nfail();\n');
    const result = cli(file, "--policy-pack", PACK, "--verbose");
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split("\n");
    const error = lines.findIndex((l) => l.startsWith("pipeline-check: "));
    expect(lines[error]).toMatch(/threw: broken on purpose \(.*deep\/lib\.ts:2\)$/);
    expect(lines.slice(error + 1)).toEqual([`    at fail (${lib}:2:9)`, `    at Object.<anonymous> (${file}:2:5)`]);
  });

  it("for a program whose error spans lines, keeping every line without the checker's stack", () => {
    const file = write(
      "config/index.ts",
      'throw new Error("Invalid configuration in Pulumi.prod.yaml:\\n  - desiredCount: must be at least 1\\n  - logRetentionDays: must be one of 30, 90");\n',
    );
    const result = cli(file, "--policy-pack", PACK);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^pipeline-check: program .*config\/index\.ts threw: Invalid configuration in Pulumi\.prod\.yaml: \(.*config\/index\.ts:1\)\n {2}- desiredCount: must be at least 1\n {2}- logRetentionDays: must be one of 30, 90\n$/,
    );
  });

  it("for a pack that fails to load", () => {
    expectOneLineFailure(
      cli(PROGRAM, "--policy-pack", path.join(__dirname, "packs", "broken")),
      /policy pack .*broken failed to load \(exit \d+\): Error: this pack is broken on purpose$/,
    );
  });

  it("for a policy config file that is not JSON", () => {
    const file = write("bad.json", "{ all: mandatory");
    expectOneLineFailure(
      cli(PROGRAM, "--policy-pack", PACK, "--policy-pack-config", file),
      new RegExp(`^pipeline-check: ${file}: not valid JSON`),
    );
  });

  it("for a policy config that violates a policy's schema", () => {
    const file = write("schema.json", JSON.stringify({ "bucket-has-tags": { tagName: 7 } }));
    expectOneLineFailure(
      cli(PROGRAM, "--policy-pack", PACK, "--policy-pack-config", file),
      new RegExp(`${file}: field 'bucket-has-tags.tagName' must be string`),
    );
  });

  it("for a policy config with several problems, naming every field on the one line", () => {
    const file = write(
      "schemas.json",
      JSON.stringify({ "bucket-has-tags": { tagName: 7 }, "no-inline-versioning": "strict", "force-destroy-off": 3 }),
    );
    expectOneLineFailure(
      cli(PROGRAM, "--policy-pack", PACK, "--policy-pack-config", file),
      new RegExp(`${file}: 2 problems: field 'force-destroy-off' must be .*; field 'no-inline-versioning' is "strict"`),
    );
  });

  it("for a --stack-tag that is not key=value", () => {
    expectOneLineFailure(cli(PROGRAM, "--stack-tag", "team"), /--stack-tag team: expected key=value/);
  });

  it("for a malformed --config", () => {
    expectOneLineFailure(cli(PROGRAM, "--config", "aws:region"), /--config aws:region: expected key=value/);
  });

  it("for an unknown flag", () => {
    expectOneLineFailure(cli(PROGRAM, "--dry"), /unknown option --dry \(see --help\)$/);
  });

  it("for an unwritable output file, before anything runs", () => {
    const result = cli(PROGRAM, "--policy-pack", PACK, "--output", "/nonexistent-dir/report.json");
    expectOneLineFailure(result, /--output \/nonexistent-dir\/report.json: cannot write the file \(ENOENT\)$/);
    expect(result.started).toEqual([]);
    expectOneLineFailure(cli(PROGRAM, "--policy-pack", PACK, "--output", tmp), /cannot write the file \(EISDIR\)$/);
  });

  it("for a bad --state file", () => {
    const file = write("state.json", JSON.stringify({ version: 1 }));
    expectOneLineFailure(cli("--state", file, "--policy-pack", PACK), /--state .*state.json: expected a 'pulumi stack export' document/);
  });
});
