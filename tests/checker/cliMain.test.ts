// The CLI's main() in-process (the spawned tests in cli.test.ts prove the same from outside).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EXIT_CANNOT_RUN, EXIT_CLEAN, EXIT_VIOLATIONS, main } from "../../checker/cli";
import { captureOutput } from "./capturedOutput";

const PACK = path.join(__dirname, "packs", "basic");
const PROGRAM = path.join(__dirname, "programs", "basic.ts");

jest.setTimeout(120_000);

describe("cli main", () => {
  const output = captureOutput();

  it("prints usage and exits 0 for --help", async () => {
    expect(await main(["--help"])).toBe(EXIT_CLEAN);
    expect(output.stdout).toContain("--policy-pack-config FILE");
  });

  it("prints one line for a user mistake, and the stack trace only with --verbose", async () => {
    expect(await main(["--nope"])).toBe(EXIT_CANNOT_RUN);
    expect(output.stderr).toBe("pipeline-check: unknown option --nope (see --help)\n");
    output.stderr = "";
    expect(await main(["/nonexistent/program", "--verbose"])).toBe(EXIT_CANNOT_RUN);
    expect(output.stderr.split("\n")[0]).toBe("pipeline-check: program not found: /nonexistent/program (pass a directory with Pulumi.yaml or index.ts, or a .ts/.js file)");
    expect(output.stderr).toMatch(/^ {4}at /m);
  });

  it("writes the chosen format to --output and exits 1 on mandatory violations", async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pc-main-")), "report.txt");
    expect(await main([PROGRAM, "--policy-pack", PACK, "--output", out])).toBe(EXIT_VIOLATIONS);
    expect(output.stdout).toBe("");
    const text = fs.readFileSync(out, "utf8");
    expect(text).toContain("logs (aws:s3/bucket:Bucket)");
    expect(text).not.toContain("\u001b[");
    expect(text.trimEnd().split("\n").pop()).toBe("7 resources, 3 mandatory, 1 advisory, 1 waived, 1 undecided, 1 remediated");
  });

  it("prints SARIF on stdout with the pack's rules", async () => {
    expect(await main([PROGRAM, "--policy-pack", PACK, "--format", "sarif"])).toBe(EXIT_VIOLATIONS);
    const log = JSON.parse(output.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } } }[] };
    expect(log.runs[0].tool.driver.rules.map((r) => r.id)).toEqual(["no-inline-versioning", "bucket-has-tags", "topic-name-known", "force-destroy-off", "at-most-two-buckets"]);
  });
});
