// npm start's logic on a miniature repository: a reference program, the test pack as policies/, one
// fixture that matches its expected.json and one that does not.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../checker/start";
import { captureOutput } from "./capturedOutput";

jest.setTimeout(120_000);

function miniRepo(referenceSource: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "pc-start-"));
  const write = (name: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  };
  fs.symlinkSync(path.join(__dirname, "packs", "basic"), path.join(root, "policies"));
  write("Pulumi.yaml", "name: mini\nruntime: nodejs\nmain: stack/index.ts\n");
  write("stack/index.ts", referenceSource);
  const empty = { violations: [], waived: [], undecided: [], remediated: [] };
  write(
    "fixtures/inline/index.ts",
    'import * as aws from "@pulumi/aws";\nnew aws.s3.Bucket("b", { versioning: { enabled: true }, tags: { owner: "x" } });\n',
  );
  write(
    "fixtures/inline/expected.json",
    JSON.stringify({ description: "inline", ...empty, violations: [{ policy: "no-inline-versioning", resourceName: "b" }] }),
  );
  write("fixtures/stale/index.ts", 'import * as aws from "@pulumi/aws";\nnew aws.s3.Bucket("c", {});\n');
  write("fixtures/stale/expected.json", JSON.stringify({ description: "stale", ...empty }));
  return root;
}

describe("npm start", () => {
  const output = captureOutput();

  it("tabulates every target and fails on a fixture that differs from expected.json", async () => {
    const code = await main([], miniRepo('import * as aws from "@pulumi/aws";\nnew aws.s3.Bucket("clean", { tags: { owner: "me" } });\n'));
    expect(code).toBe(1);
    const rows = output.stdout.trimEnd().split("\n").slice(2);
    expect(rows[0]).toMatch(/^reference stack\s+3\s+0\s+0\s+0\s+0\s+0\s+clean\s+0$/);
    expect(rows[1]).toMatch(/^fixtures\/inline\s+3\s+1\s+0\s+0\s+0\s+0\s+match\s+1$/);
    expect(rows[2]).toMatch(/^fixtures\/stale\s+3\s+0\s+1\s+0\s+0\s+0\s+MISMATCH\s+0$/);
    expect(output.stderr).toContain("fixtures/stale: differs from expected.json");
    expect(output.stderr).toContain("+ violations: bucket-has-tags on c (unexpected)");
  });

  it("fails when the reference stack has a finding or cannot run", async () => {
    const dirty = await main([], miniRepo('import * as aws from "@pulumi/aws";\nnew aws.s3.Bucket("untagged", {});\n'));
    expect(dirty).toBe(1);
    expect(output.stdout).toMatch(/reference stack\s+3\s+0\s+1\s+0\s+0\s+0\s+NOT CLEAN\s+0/);
    output.stdout = "";
    const broken = await main([], miniRepo('throw new Error("no config");\n'));
    expect(broken).toBe(1);
    expect(output.stdout).toMatch(/reference stack\s+0\s+0\s+0\s+0\s+0\s+0\s+error\s+2/);
    expect(output.stderr).toContain("threw: no config");
  });
});

describe("npm start's options", () => {
  const output = captureOutput();
  const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string };

  it.each(["--help", "-h"])("%s prints the usage and starts nothing", async (flag) => {
    // A root without Pulumi.yaml or policies/: anything beyond the usage would fail.
    expect(await main([flag], "/nonexistent")).toBe(0);
    expect(output.stdout).toMatch(/^Usage: npm start /);
    expect(output.stdout).toMatch(/^ {2}--help, -h /m);
    expect(output.stdout).toMatch(/^ {2}--version /m);
    expect(output.stdout).toMatch(/^Exit codes: 0 .*, 1 .*, 2 /m);
    expect(output.stderr).toBe("");
  });

  it("--version prints the kit's version", async () => {
    expect(await main(["--version"], "/nonexistent")).toBe(0);
    expect(output.stdout).toBe(`pipeline-check ${version}\n`);
  });

  it("refuses anything else with one line and exit 2", async () => {
    expect(await main(["fixtures/x"], "/nonexistent")).toBe(2);
    expect(output.stdout).toBe("");
    expect(output.stderr).toBe("pipeline-check: unknown argument fixtures/x (see npm start -- --help)\n");
  });

  it("refuses an unknown option with one line naming it, even beside --help", async () => {
    expect(await main(["--help", "--all"], "/nonexistent")).toBe(2);
    expect(output.stdout).toBe("");
    expect(output.stderr).toBe("pipeline-check: unknown option --all (see npm start -- --help)\n");
  });

  it("reaches the command through bin/pipeline-start.js", () => {
    const run = spawnSync(process.execPath, [path.join(__dirname, "..", "..", "bin", "pipeline-start.js"), "--version"], {
      encoding: "utf8",
    });
    expect({ code: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 0,
      stdout: `pipeline-check ${version}\n`,
      stderr: "",
    });
  });
});
