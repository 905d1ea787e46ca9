// Hostile input to the real CLI. Each case ends with exit 2 and one line on stderr (a huge but valid
// program ends normally), and no process the CLI started outlives it: the CLI appends the pid of
// every child to PIPELINE_CHECK_PID_FILE, and each pid must be gone (ESRCH), not even a zombie.
import * as fs from "fs";
import * as path from "path";
import { expectOneLineFailure, PACK, PROGRAM, ROOT, runCli as cli, scratch, type CliRun as Run, type Started } from "./cliProcess";
import { parseReport } from "./reportSchema";

const { dir: tmp, write } = scratch("pc-hostile-");

jest.setTimeout(120_000);

function stillRunning(started: Started[]): Started[] {
  return started.filter(({ pid }) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code !== "ESRCH";
    }
  });
}

function expectCleanFailure(run: Run, cause: RegExp, labels: string[]): void {
  expectOneLineFailure(run, cause);
  expect(run.started.map((s) => s.label).sort()).toEqual([...labels].sort());
  expect(stillRunning(run.started)).toEqual([]);
}

/** A JavaScript pack in a temporary folder that resolves the kit's @pulumi/* like an installed pack. */
function pack(name: string, index: string): string {
  const dir = path.join(tmp, "packs", name);
  write(`packs/${name}/PulumiPolicy.yaml`, `name: ${name}\nruntime: nodejs\n`);
  write(`packs/${name}/package.json`, JSON.stringify({ name, version: "0.0.1", main: "index.js" }));
  write(`packs/${name}/index.js`, index);
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  return dir;
}

const BOTH = ["program", "policy pack"];

describe("a hostile program", () => {
  it("that spins forever without yielding is stopped by --timeout", () => {
    const file = write("spin/index.ts", "while (Date.now() > 0) {\n  // never yields to the event loop\n}\n");
    // Separate deadlines: only the program's can pass, however long a busy machine takes to start the pack.
    expectCleanFailure(
      cli([file, "--policy-pack", PACK, "--timeout", "3", "--pack-timeout", "600"]),
      /^pipeline-check: program .*spin\/index\.ts did not finish within 3s \(raise --timeout\)$/,
      BOTH,
    );
  });

  it("that calls process.exit(0) is reported as such, naming the program and the line", () => {
    const file = path.relative(ROOT, path.join(__dirname, "programs", "exits.ts"));
    expectCleanFailure(
      cli([file, "--policy-pack", PACK]),
      new RegExp(
        `^pipeline-check: program ${file.replace(/\./g, "\\.")} called process\\.exit\\(0\\) before it finished \\(${file.replace(/\./g, "\\.")}:5\\)$`,
      ),
      BOTH,
    );
  });

  it("registering 10,000 resources is checked in bounded memory, with progress", () => {
    const file = write(
      "many/index.ts",
      [
        'import * as pulumi from "@pulumi/pulumi";',
        "for (let i = 0; i < 10_000; i++) {",
        '  new pulumi.CustomResource("test:index:Tiny", `tiny-${i}`, {});',
        "}",
        "",
      ].join("\n"),
    );
    const run = cli([file, "--policy-pack", PACK, "--format", "json", "--verbose"]);
    expect(run.code).toBe(0);
    // The root stack and the default provider of the "test" package come on top.
    expect(parseReport<{ resources: number }>(run.stdout).resources).toBe(10_002);
    const summary = /^program registered 10002 resources \(peak memory (\d+) MB\)$/m.exec(run.stderr);
    expect(summary).not.toBeNull();
    // About 50 KB per resource today; the bound only catches runaway growth.
    expect(Number(summary?.[1])).toBeLessThan(1500);
    expect(run.started.map((s) => s.label).sort()).toEqual([...BOTH].sort());
    expect(stillRunning(run.started)).toEqual([]);
  });
});

describe("a hostile policy pack", () => {
  it("that is killed while analyzing one resource fails the run naming that resource", () => {
    const dir = pack(
      "crash",
      [
        'const { PolicyPack } = require("@pulumi/policy");',
        'new PolicyPack("crash", { policies: [{ name: "dies", description: "Is killed on the bucket named third.", enforcementLevel: "mandatory",',
        // As the kernel's OOM killer would end it: no exit handler, no last word.
        '  validateResource: (args) => { if (args.name === "third") process.kill(process.pid, "SIGKILL"); } }] });',
        "",
      ].join("\n"),
    );
    expectCleanFailure(
      cli([PROGRAM, "--policy-pack", dir]),
      // Resources are analyzed concurrently: when the pack dies, the culprit is one of those in flight.
      /^pipeline-check: policy pack failed during (Analyze of urn:pulumi:dev::programs::aws:s3\/bucket:Bucket::third|Remediate or Analyze of one of \d+ resources in flight \(([^,()]+, )*third(, [^,()]+)*\)): .* \(the policy pack process exited with signal SIGKILL\)$/,
      BOTH,
    );
  });

  it("that never prints its port is stopped by --timeout", () => {
    const dir = pack("silent", "setInterval(() => undefined, 1000);\n");
    // Only the pack's deadline can pass: the program has all the time a busy machine needs.
    expectCleanFailure(
      cli([PROGRAM, "--policy-pack", dir, "--timeout", "600", "--pack-timeout", "3"]),
      /^pipeline-check: policy pack .*silent did not start within 3s \(raise --pack-timeout\)$/,
      BOTH,
    );
  });

  it("that fails to load ends the run with its own error, stopping a program that would run on", () => {
    const file = write("waits/index.ts", "export = new Promise(() => { setInterval(() => undefined, 1000); });\n");
    const broken = path.join(__dirname, "packs", "broken");
    expectCleanFailure(
      cli([file, "--policy-pack", broken, "--timeout", "60"]),
      /^pipeline-check: policy pack .*broken failed to load \(exit \d+\): Error: this pack is broken on purpose$/,
      BOTH,
    );
  });
});

describe("an unwritable --output", () => {
  it("in a read-only location", () => {
    // sysfs refuses new files even to root, so this holds whoever runs the suite.
    expectCleanFailure(
      cli([PROGRAM, "--policy-pack", PACK, "--output", "/sys/report.json"]),
      /^pipeline-check: --output \/sys\/report\.json: cannot write the file \(EACCES\)$/,
      BOTH,
    );
  });

  it("that is a directory is refused before anything starts", () => {
    expectCleanFailure(
      cli([PROGRAM, "--policy-pack", PACK, "--output", tmp]),
      /^pipeline-check: --output .*: cannot write the file \(EISDIR\)$/,
      [],
    );
  });
});

describe("a --policy-pack-config file", () => {
  it("that is not UTF-8", () => {
    const file = write("latin1.json", Buffer.from('{"all": "mandat\xe4ry"}', "latin1"));
    expectCleanFailure(
      cli([PROGRAM, "--policy-pack", PACK, "--policy-pack-config", file]),
      /^pipeline-check: --policy-pack-config .*latin1\.json: not UTF-8 text/,
      [],
    );
  });
});

describe("a --state file that is not a stack export", () => {
  it("random JSON", () => {
    const file = write("random.json", JSON.stringify([1, "two", { three: null }]));
    expectCleanFailure(
      cli(["--state", file, "--policy-pack", PACK]),
      /^pipeline-check: --state .*random\.json: expected a 'pulumi stack export' document/,
      [],
    );
  });

  it("a binary file", () => {
    // Bytes that are not UTF-8, with newlines and control characters that must not reach the terminal.
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 151 + 7) % 256));
    const file = write("binary.bin", bytes);
    expectCleanFailure(cli(["--state", file, "--policy-pack", PACK]), /^pipeline-check: --state .*binary\.bin: not UTF-8 text/, []);
  });

  it("an empty file", () => {
    const file = write("empty.json", "");
    expectCleanFailure(cli(["--state", file, "--policy-pack", PACK]), /^pipeline-check: --state .*empty\.json: the file is empty/, []);
  });

  it("JSON that breaks off, quoted without control characters", () => {
    const file = write("cut.json", '{"version": 3, "deployment": {"resources": [\n\t{"urn": "urn:pulumi:dev::p::');
    const run = cli(["--state", file, "--policy-pack", PACK]);
    expectCleanFailure(run, /^pipeline-check: --state .*cut\.json: not valid JSON \(/, []);
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});
