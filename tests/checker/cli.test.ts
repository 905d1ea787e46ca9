// The real CLI in a child process: exit codes, stdout formats, and one clear stderr line per mistake.
import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { BIN, PACK, PROGRAM, ROOT, runCli, scratch } from "./cliProcess";
import { sarifProblems } from "./sarifSchema";
import { parseReport } from "./reportSchema";

const { dir: tmp, write } = scratch("pc-cli-");

jest.setTimeout(120_000);

const cli = (...args: string[]) => runCli(args);

function expectOneLineFailure(result: ReturnType<typeof cli>, cause: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  const lines = result.stderr.split("\n").filter((l) => l !== "");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(cause);
  expect(result.stderr).not.toMatch(/^ {4}at /m);
}

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

describe("pipeline-check never leaves processes behind", () => {
  function children(pid: number): number[] {
    try {
      return execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
        .split("\n")
        .filter(Boolean)
        .map(Number);
    } catch {
      return [];
    }
  }
  // A killed child whose parent already exited may linger as a zombie until reaped; that is not running.
  const alive = (pid: number): boolean => {
    try {
      return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
    } catch {
      return false;
    }
  };

  it("bounds a program that never finishes with --timeout", () => {
    const file = write("hangs/index.ts", "export = new Promise(() => { setInterval(() => undefined, 1000); });\n");
    // The pack's start has a deadline of its own, far away: only the program's can decide the outcome.
    expectOneLineFailure(
      cli(file, "--policy-pack", PACK, "--timeout", "3", "--pack-timeout", "600"),
      /program .* did not finish within 3s \(raise --timeout\)$/,
    );
  });

  it("stops the program and the pack on Ctrl-C", async () => {
    const file = write("slow/index.ts", "export = new Promise(() => { setInterval(() => undefined, 1000); });\n");
    const child = spawn(process.execPath, [BIN, file, "--policy-pack", PACK, "--verbose"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    await new Promise<void>((resolve) => child.stderr.on("data", (d: Buffer) => d.toString().includes("ready") && resolve()));
    const started = children(child.pid ?? 0);
    expect(started.length).toBeGreaterThanOrEqual(1);
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    // SIGKILL was sent before the CLI exited; wait for the kernel to finish each child, however busy the
    // machine (a child that stays alive makes the test time out rather than pass).
    while (started.some(alive)) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(started.filter(alive)).toEqual([]);
  });
  it("leaves no program or pack behind when it is killed with SIGKILL, even a program that never yields", async () => {
    // The checker cannot clean up after SIGKILL: each child must notice on its own that the checker is gone.
    const file = write("spins/index.ts", 'console.error("spinning now");\nwhile (Date.now() > 0) {\n  // never yields\n}\n');
    const pidFile = path.join(tmp, "sigkill-pids");
    const child = spawn(process.execPath, [BIN, file, "--policy-pack", PACK, "--verbose"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PIPELINE_CHECK_PID_FILE: pidFile },
    });
    let stderr = "";
    await new Promise<void>((resolve) =>
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes("spinning now") && stderr.includes("ready")) {
          resolve();
        }
      }),
    );
    const started = fs
      .readFileSync(pidFile, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => ({ pid: Number(l.split(" ")[0]), label: l.slice(l.indexOf(" ") + 1) }));
    expect(started.map((s) => s.label).sort()).toEqual(["policy pack", "program"]);
    expect(started.map((s) => s.pid).filter(alive)).toHaveLength(2);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_, signal) => resolve(signal)));
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    // Each child ends when its stdin pipe from the checker closes; a generous bound turns a child that
    // never ends into a failed assertion rather than a hung test.
    const until = Date.now() + 60_000;
    while (started.some((s) => alive(s.pid)) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(started.filter((s) => alive(s.pid))).toEqual([]);
  });
});

describe("pipeline-check output", () => {
  it("prints exactly one JSON object and exits 1 on mandatory violations", () => {
    const result = cli(PROGRAM, "--policy-pack", PACK, "--format", "json");
    expect(result.code).toBe(1);
    const report = parseReport<Record<string, unknown[]> & { tool: unknown; pack: unknown }>(result.stdout);
    expect(Object.keys(report)).toEqual([
      "schemaVersion",
      "tool",
      "pack",
      "resources",
      "violations",
      "waived",
      "undecided",
      "remediated",
      "unansweredFunctions",
    ]);
    expect(report.tool).toEqual({
      name: "pipeline-check",
      version: (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version,
    });
    expect(report.pack).toEqual({ name: "checker-test-pack", version: "0.0.1" });
    expect(report.violations).toHaveLength(4);
    expect(report.violations[0]).toMatchObject({ location: { file: "tests/checker/programs/basic.ts", line: expect.any(Number) } });
    expect(result.stderr).toBe("");
  });

  it("writes SARIF to --output, locating findings in the program", () => {
    const out = path.join(tmp, "report.sarif");
    const result = cli(PROGRAM, "--policy-pack", PACK, "--format", "sarif", "--output", out);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    const log = JSON.parse(fs.readFileSync(out, "utf8")) as {
      runs: {
        results: {
          ruleId: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
        }[];
      }[];
    };
    const inline = log.runs[0].results.find((r) => r.ruleId === "no-inline-versioning");
    expect(inline?.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "tests/checker/programs/basic.ts", uriBaseId: "SRCROOT" },
      region: { startLine: 4 },
    });
    expect(sarifProblems(log)).toEqual([]);
  });

  it("exits 0 when nothing mandatory is found, and prints the summary in text", () => {
    const file = write("clean/index.ts", 'import * as aws from "@pulumi/aws";\nnew aws.s3.Bucket("b", { tags: { owner: "me" } });\n');
    const result = cli(file, "--policy-pack", PACK, "--verbose");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("3 resources, 0 mandatory, 0 advisory, 0 waived, 0 undecided, 0 remediated\n");
    expect(result.stderr).toMatch(/starting policy pack/);
    expect(result.stderr).toMatch(/timings: record \d+ ms, serve \d+ ms, analyze \d+ ms/);
  });

  it("says on stderr which remote components hide resources from the offline check", () => {
    const file = write(
      "remote/index.ts",
      [
        'import * as awsx from "@pulumi/awsx";',
        'import * as pulumi from "@pulumi/pulumi";',
        'new awsx.ecr.Repository("images", {});',
        'const local = new pulumi.ComponentResource("app:index:Local", "local");',
        'new awsx.ecr.Repository("child-less", {}, { parent: local });',
        "",
      ].join("\n"),
    );
    const result = cli(file, "--policy-pack", PACK, "--format", "json");
    expect(result.code).toBe(0);
    expect(parseReport(result.stdout)).toMatchObject({ violations: [] });
    expect(result.stderr).toBe(
      'note: the resources inside 2 remote component(s) (awsx:ecr:Repository "images", awsx:ecr:Repository "child-less") are not checked offline: ' +
        "their provider plugin builds them only in a real pulumi preview --policy-pack\n",
    );
  });

  it("names on stderr and in the JSON report the functions the provider model could not answer", () => {
    const file = write(
      "functions/index.ts",
      [
        'import * as aws from "@pulumi/aws";',
        "const vpc = aws.ec2.getVpcOutput({ default: true });",
        'aws.ec2.getVpcOutput({ id: "vpc-1" });',
        "const region = aws.getRegionOutput();",
        'new aws.s3.Bucket("b", { tags: { vpc: vpc.id, region: region.region } });',
        "",
      ].join("\n"),
    );
    const result = cli(file, "--policy-pack", PACK, "--format", "json");
    expect(result.code).toBe(0);
    expect(parseReport(result.stdout)).toMatchObject({ unansweredFunctions: [{ token: "aws:ec2/getVpc:getVpc", calls: 2 }] });
    expect(result.stderr).toBe(
      "note: 1 function(s) the offline provider model cannot answer returned unknown results (aws:ec2/getVpc:getVpc (2 calls)): " +
        "policies that depend on them report [undecided]; a real pulumi preview --policy-pack calls them\n",
    );
  });

  it("passes on a policy config entry that names no policy of the pack, as the engine does, and warns", () => {
    const file = write("unknown.json", JSON.stringify({ "no-such-policy": "mandatory", environments: ["org/env"] }));
    const result = cli(PROGRAM, "--policy-pack", PACK, "--policy-pack-config", file, "--format", "json");
    expect(result.code).toBe(1);
    parseReport(result.stdout);
    expect(result.stderr).toBe(
      `warning: ${file}: 'no-such-policy' names no policy of pack checker-test-pack; passed on unused, as the engine does (check for a typo)\n`,
    );
  });

  it("prints one progress line per finished phase on a stderr that is not a terminal, keeping stdout the report alone", () => {
    const result = cli(PROGRAM, "--policy-pack", PACK, "--format", "json");
    expect(result.code).toBe(1);
    parseReport(result.stdout);
    expect(result.stderr).toBe("");
    // The program runs while the pack starts, so those two lines come in the order the phases finish.
    const [first, second, ...rest] = result.progress;
    expect([first, second].sort()).toEqual([
      expect.stringMatching(/^pack: checker-test-pack@0\.0\.1 ready, 5 policies \(\d+\.\d s\)$/),
      expect.stringMatching(/^record: 7 resources \(\d+\.\d s\)$/),
    ]);
    expect(rest).toEqual([
      expect.stringMatching(/^analyze: 7 resources, 3 mandatory, 1 advisory, 1 waived, 1 undecided, 1 remediated \(\d+\.\d s\)$/),
    ]);
  });

  it("reports policy config mistakes as checker-only waiver-mistakes findings of the kit's pack, without the warning", () => {
    const waiver = (resource: string) => ({ resource, reason: "legacy", until: "2099-12-31" });
    const file = write(
      "mistakes.json",
      JSON.stringify(
        { all: "advisory", "s3-bucket-versionning": "mandatory", "s3-bucket-versioning": { waivers: [waiver("plain"), waiver("plaine")] } },
        null,
        2,
      ),
    );
    const result = cli(PROGRAM, "--policy-pack", path.join(ROOT, "policies"), "--policy-pack-config", file, "--format", "json");
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    type Violation = {
      policy: string;
      resourceType: string;
      resourceName: string;
      enforcementLevel: string;
      message: string;
      configCheck?: true;
      location?: unknown;
    };
    const { violations, waived } = parseReport<{ violations: Violation[]; waived: Violation[] }>(result.stdout);
    const checked = violations.filter((v) => v.configCheck === true);
    expect(checked.map((v) => [v.policy, v.resourceType, v.enforcementLevel, v.location])).toEqual([
      ["waiver-mistakes", "pulumi:pulumi:Stack", "advisory", { file, line: 3 }],
      ["waiver-mistakes", "pulumi:pulumi:Stack", "advisory", { file, line: 12 }],
    ]);
    expect(checked[0].message).toContain("entry 's3-bucket-versionning' names no policy of pack");
    expect(checked[1].message).toContain(
      "a waiver of s3-bucket-versioning names resource 'plaine', which is not in the stack, so it waives nothing: did you mean 'plain'?",
    );
    // The waiver naming a resource of the stack waives its finding, and is not reported as a mistake.
    expect(waived.map((v) => [v.policy, v.resourceName])).toContainEqual(["s3-bucket-versioning", "plain"]);
  });

  it("prints usage for --help", () => {
    const result = cli("--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: pipeline-check \[PROGRAM\] \[options\]/);
  });
});
