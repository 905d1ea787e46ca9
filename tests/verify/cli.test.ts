import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DescribeServicesCommand } from "@aws-sdk/client-ecs";
import { HeadBucketCommand } from "@aws-sdk/client-s3";
import { main } from "../../verify/cli";
import * as report from "../../verify/report";
import { allChecks } from "../../verify/checks";
import { awsError, healthyStack, mocks, outputs } from "./stack-fixture";
import { deny, SUBJECT_TO_PERMISSIONS } from "../checker/denied";

let dir: string;
let outputsFile: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "verify-cli-"));
  outputsFile = join(dir, "outputs.json");
  writeFileSync(outputsFile, JSON.stringify(outputs));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(healthyStack);

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let out = "";
  let err = "";
  const code = await main(argv, { env, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe("verify CLI", () => {
  it("exits 0 and prints one line per check when the stack is healthy", async () => {
    const { code, out, err } = await run(["--stack", "dev", "--outputs", outputsFile]);
    expect(code).toBe(0);
    expect(err).toBe("");
    const lines = out.trimEnd().split("\n");
    expect(lines[0]).toBe("Post-deploy verification of dev");
    expect(lines.filter((l) => /^\[(PASS|FAIL|SKIP|INFO)\] /.test(l))).toHaveLength(allChecks.length);
    expect(lines.at(-1)).toBe(`all checks passed: ${allChecks.length - 1} passed, 0 failed, 0 skipped, 1 info`);
  });

  it("exits 1 when a check fails, naming the pipeline when no stack is given", async () => {
    mocks.ecs
      .on(DescribeServicesCommand)
      .resolves({ services: [{ serviceName: outputs.serviceName, status: "ACTIVE", runningCount: 0, desiredCount: 1 }] });
    const { code, out } = await run([], { PIPELINE_OUTPUTS_FILE: outputsFile });
    expect(code).toBe(1);
    expect(out).toContain("Post-deploy verification of app-pipeline\n");
    expect(out).toMatch(/^\[FAIL\] ecs\.service +ECS service is ACTIVE with all desired tasks running: 0\/1 tasks running/m);
  });

  it("prints JSON with --json", async () => {
    const { code, out } = await run(["--json", "--outputs", outputsFile]);
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { results: unknown[]; summary: { fail: number } };
    expect(parsed.results).toHaveLength(allChecks.length);
    expect(parsed.summary.fail).toBe(0);
  });

  it("prints usage with --help and exits 0", async () => {
    const { code, out } = await run(["--help"]);
    expect(code).toBe(0);
    expect(out).toMatch(/^usage: npm run verify -- --stack NAME/);
  });

  it.each([
    [["--bogus"], {}, "verify: unknown argument '--bogus'; usage: npm run verify -- --stack NAME [--outputs FILE] [--json]\n"],
    [[], {}, "verify: no stack outputs: pass --stack NAME (needs the pulumi CLI), --outputs FILE, or set PIPELINE_OUTPUTS_FILE\n"],
  ])("exits 2 with one line for %j", async (argv, env, message) => {
    const { code, out, err } = await run(argv, env);
    expect({ code, out, err }).toEqual({ code: 2, out: "", err: message });
  });

  it("exits 2 with one line when AWS rejects the credentials", async () => {
    mocks.s3.on(HeadBucketCommand).rejects(awsError("ExpiredToken"));
    const { code, out, err } = await run(["--outputs", outputsFile]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err.split("\n")).toEqual([expect.stringMatching(/^verify: no usable AWS credentials \(ExpiredToken\)/), ""]);
  });

  it("lets a bug in the verifier surface instead of reporting it as a user mistake", async () => {
    const spy = jest.spyOn(report, "formatText").mockImplementation(() => {
      throw new TypeError("bug");
    });
    await expect(run(["--outputs", outputsFile])).rejects.toThrow("bug");
    spy.mockRestore();
  });

  it("runs as a process: exit 2 and one line on stderr for a missing outputs file", () => {
    const root = resolve(__dirname, "../..");
    const missing = join(dir, "absent.json");
    const child = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "verify/cli.ts", "--outputs", missing], {
      cwd: root,
      encoding: "utf8",
      env: { PATH: process.env.PATH, NODE_NO_WARNINGS: "1" },
    });
    expect(child.status).toBe(2);
    expect(child.stdout).toBe("");
    expect(child.stderr).toBe(`verify: ${missing}: no such file (the stack outputs file)\n`);
  });

  it("runs as a process: exit 2 and `<file>: permission denied` for an outputs file the user cannot read", () => {
    writeFileSync(join(dir, "denied.json"), JSON.stringify(outputs));
    const denied = deny(join(dir, "denied.json"), dir);
    const child = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "verify/cli.ts", "--outputs", denied], {
      cwd: resolve(__dirname, "../.."),
      encoding: "utf8",
      env: { PATH: process.env.PATH, NODE_NO_WARNINGS: "1" },
      ...SUBJECT_TO_PERMISSIONS,
    });
    expect({ code: child.status, stdout: child.stdout, stderr: child.stderr }).toEqual({
      code: 2,
      stdout: "",
      stderr: `verify: ${denied}: permission denied (the stack outputs file)\n`,
    });
  });
});
