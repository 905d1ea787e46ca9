// The real CLI in a child process: exit codes, the report on stdout in each format, notes and progress on stderr.
import * as fs from "fs";
import * as path from "path";
import { PACK, PROGRAM, ROOT, runCli, scratch } from "./cliProcess";
import { sarifProblems } from "./sarifSchema";
import { parseReport, REPORT_KEYS } from "./reportSchema";

const { dir: tmp, write } = scratch("pc-cli-");

jest.setTimeout(120_000);

const cli = (...args: string[]) => runCli(args);

describe("pipeline-check output", () => {
  it("prints exactly one JSON object and exits 1 on mandatory violations", () => {
    const result = cli(PROGRAM, "--policy-pack", PACK, "--format", "json");
    expect(result.code).toBe(1);
    const report = parseReport<Record<string, unknown[]> & { tool: unknown; pack: unknown }>(result.stdout);
    expect(Object.keys(report)).toEqual(REPORT_KEYS);
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

  // A note on stderr, not a finding: the report stays the engine's, and the note says what it could not see.
  it.each([
    {
      title: "says on stderr which remote components hide resources from the offline check",
      name: "remote",
      program: [
        'import * as awsx from "@pulumi/awsx";',
        'import * as pulumi from "@pulumi/pulumi";',
        'new awsx.ecr.Repository("images", {});',
        'const local = new pulumi.ComponentResource("app:index:Local", "local");',
        'new awsx.ecr.Repository("child-less", {}, { parent: local });',
      ],
      report: { violations: [] },
      note:
        'note: the resources inside 2 remote component(s) (awsx:ecr:Repository "images", awsx:ecr:Repository "child-less") are not checked offline: ' +
        "their provider plugin builds them only in a real pulumi preview --policy-pack\n",
    },
    {
      title: "names on stderr and in the JSON report the functions the provider model could not answer",
      name: "functions",
      program: [
        'import * as aws from "@pulumi/aws";',
        "const vpc = aws.ec2.getVpcOutput({ default: true });",
        'aws.ec2.getVpcOutput({ id: "vpc-1" });',
        "const region = aws.getRegionOutput();",
        'new aws.s3.Bucket("b", { tags: { vpc: vpc.id, region: region.region } });',
      ],
      report: { unansweredFunctions: [{ token: "aws:ec2/getVpc:getVpc", calls: 2 }] },
      note:
        "note: 1 function(s) the offline provider model cannot answer returned unknown results (aws:ec2/getVpc:getVpc (2 calls)): " +
        "policies that depend on them report [undecided]; a real pulumi preview --policy-pack calls them\n",
    },
  ])("$title", ({ name, program, report, note }) => {
    const file = write(`${name}/index.ts`, [...program, ""].join("\n"));
    const result = cli(file, "--policy-pack", PACK, "--format", "json");
    expect(result.code).toBe(0);
    expect(parseReport(result.stdout)).toMatchObject(report);
    expect(result.stderr).toBe(note);
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
