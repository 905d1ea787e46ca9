// The CLI's main() in-process (the spawned tests in cli.test.ts prove the same from outside).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EXIT_CANNOT_RUN, EXIT_CLEAN, EXIT_VIOLATIONS, main } from "../../checker/cli";
import { captureOutput } from "./capturedOutput";
import { PROGRESS_LINE, splitProgress } from "./cliProcess";
import { parseReport } from "./reportSchema";
import { sarifProblems } from "./sarifSchema";

const PACK = path.join(__dirname, "packs", "basic");
const PROGRAM = path.join(__dirname, "programs", "basic.ts");

jest.setTimeout(120_000);

describe("cli main", () => {
  const output = captureOutput();

  it("prints usage and exits 0 for --help", async () => {
    expect(await main(["--help"])).toBe(EXIT_CLEAN);
    expect(output.stdout).toContain("--policy-pack-config FILE");
  });

  it("prints the kit's version for --version", async () => {
    expect(await main(["--version"])).toBe(EXIT_CLEAN);
    const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string };
    expect(output.stdout).toBe(`pipeline-check ${version}\n`);
  });

  it("prints one line for a user mistake, without the checker's stack trace even with --verbose", async () => {
    expect(await main(["--nope"])).toBe(EXIT_CANNOT_RUN);
    expect(output.stderr).toBe("pipeline-check: unknown option --nope (see --help)\n");
    output.stderr = "";
    expect(await main(["/nonexistent/program", "--verbose"])).toBe(EXIT_CANNOT_RUN);
    expect(output.stderr).toBe(
      "pipeline-check: program not found: /nonexistent/program (pass a directory with Pulumi.yaml or index.ts, or a .ts/.js file)\n",
    );
  });

  it("writes the chosen format to --output and exits 1 on mandatory violations", async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pc-main-")), "report.txt");
    expect(await main([PROGRAM, "--policy-pack", PACK, "--output", out])).toBe(EXIT_VIOLATIONS);
    expect(output.stdout).toBe("");
    const text = fs.readFileSync(out, "utf8");
    expect(text).toContain("logs (aws:s3/bucket:Bucket)");
    // Each finding names where its resource is declared, relative to the repository root.
    expect(text).toContain("  mandatory no-inline-versioning (tests/checker/programs/basic.ts:4): inline versioning is deprecated\n");
    expect(text).toContain("  advisory bucket-has-tags (tests/checker/programs/basic.ts:6): missing tag owner\n");
    expect(text).toContain("  mandatory at-most-two-buckets: a topic named stack-level has no resource to blame\n");
    expect(text).not.toContain("\u001b[");
    expect(text.trimEnd().split("\n").pop()).toBe("7 resources, 3 mandatory, 1 advisory, 1 waived, 1 undecided, 1 remediated");
  });

  it("prints SARIF on stdout with the pack's rules", async () => {
    expect(await main([PROGRAM, "--policy-pack", PACK, "--format", "sarif"])).toBe(EXIT_VIOLATIONS);
    const log = JSON.parse(output.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } } }[] };
    expect(log.runs[0].tool.driver.rules.map((r) => r.id)).toEqual([
      "no-inline-versioning",
      "bucket-has-tags",
      "topic-name-known",
      "force-destroy-off",
      "at-most-two-buckets",
    ]);
    expect(sarifProblems(log)).toEqual([]);
  });
});

describe("cli main on a stack export (--state), with the exit code rule of pulumi policy analyze", () => {
  const output = captureOutput();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pc-main-state-"));
  const stackUrn = "urn:pulumi:dev::app::pulumi:pulumi:Stack::app-dev";
  const bucket = (name: string, inputs: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    urn: `urn:pulumi:dev::app::aws:s3/bucket:Bucket::${name}`,
    custom: true,
    id: `${name}-1`,
    type: "aws:s3/bucket:Bucket",
    parent: stackUrn,
    inputs,
    outputs: inputs,
    ...extra,
  });
  const write = (name: string, resources: Record<string, unknown>[]): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(
      file,
      JSON.stringify({
        version: 3,
        deployment: { resources: [{ urn: stackUrn, custom: false, type: "pulumi:pulumi:Stack" }, ...resources] },
      }),
    );
    return file;
  };

  it("exits 1 when a mandatory policy fails", async () => {
    const file = write("mandatory.json", [bucket("old", { versioning: { enabled: true }, tags: { owner: "x" } })]);
    expect(await main(["--state", file, "--policy-pack", PACK, "--format", "json"])).toBe(EXIT_VIOLATIONS);
    expect(parseReport(output.stdout)).toMatchObject({
      violations: [{ policy: "no-inline-versioning", resourceName: "old", enforcementLevel: "mandatory" }],
    });
  });

  it("exits 0 for advisory findings and remediations, which are reported but not applied", async () => {
    const file = write("advisory.json", [
      bucket("loose", { forceDestroy: true }),
      bucket("gone", { versioning: { enabled: true } }, { delete: true }),
    ]);
    expect(await main(["--state", file, "--policy-pack", PACK, "--format", "json"])).toBe(EXIT_CLEAN);
    const report = parseReport<{
      resources: number;
      violations: { policy: string; resourceName: string }[];
      remediated: { resourceName: string }[];
    }>(output.stdout);
    // The bucket pending deletion is not analyzed, so its inline versioning does not count.
    expect(report.resources).toBe(2);
    expect(report.violations.map((v) => `${v.policy}@${v.resourceName}`)).toEqual(["bucket-has-tags@loose"]);
    expect(report.remediated.map((r) => r.resourceName)).toEqual(["loose"]);
  });

  it("exits 0 with a warning for an export without resources, without starting the pack", async () => {
    const file = path.join(dir, "empty.json");
    fs.writeFileSync(file, JSON.stringify({ version: 3, deployment: { manifest: {} } }));
    expect(await main(["--state", file, "--policy-pack", "/nonexistent-pack"])).toBe(EXIT_CLEAN);
    // The file was read, so that phase is reported; no pack starts, so no other phase is.
    expect(output.stderr).toBe(
      `record: 0 resources read from the stack export (0.0 s)\nwarning: ${file} has no resources; nothing to analyze\n`,
    );
  });

  it("warns once that undecryptable secrets were read as [secret]", async () => {
    const secret = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "AAAB" };
    const file = write("secret.json", [bucket("s", { tags: { owner: secret } })]);
    expect(await main(["--state", file, "--policy-pack", PACK])).toBe(EXIT_CLEAN);
    // Counted per secret value in the file: the bucket's inputs and its outputs each hold one.
    expect(splitProgress(output.stderr).rest).toBe(
      `warning: could not decrypt secrets in ${file}; analyzing with secret values redacted (2 read as "[secret]"; export with --show-secrets to check them)\n`,
    );
  });
});

describe("cli main with stderr on a terminal", () => {
  const output = captureOutput(true);

  it("shows the status messages as they come and no per-phase progress lines", async () => {
    expect(await main([PROGRAM, "--policy-pack", PACK, "--format", "json"])).toBe(EXIT_VIOLATIONS);
    parseReport(output.stdout);
    const lines = output.stderr.split("\n");
    expect(lines).toContainEqual(expect.stringMatching(/^starting policy pack /));
    expect(lines).toContain("policy pack checker-test-pack@0.0.1 ready (5 policies)");
    expect(lines.filter((l) => PROGRESS_LINE.test(l))).toEqual([]);
  });
});
