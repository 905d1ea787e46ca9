import { OPTIONS, USAGE, parseArgs } from "../../checker/args";
import { FORMAT_NAMES, FORMATS } from "../../checker/report/formats";
import { CheckError } from "../../checker/errors";

describe("command-line parsing", () => {
  it("has the documented defaults", () => {
    expect(parseArgs([])).toEqual({
      stack: "dev",
      config: [],
      stackTags: [],
      format: "text",
      verbose: false,
      timeoutSeconds: 300,
      secondLook: true,
      help: false,
      program: undefined,
    });
  });

  it("reads every option, in both --flag value and --flag=value forms", () => {
    expect(
      parseArgs([
        "prog",
        "--policy-pack",
        "p",
        "--policy-pack-config=c.json",
        "--stack",
        "prod",
        "--config",
        "a=1",
        "--config=aws:region=eu-west-1",
        "--stack-tag",
        "team=platform",
        "--stack-tag=cost:center=42=x",
        "--format",
        "sarif",
        "--output",
        "o.sarif",
        "--timeout",
        "60",
        "--verbose",
        "--no-second-look",
        "--help",
      ]),
    ).toEqual({
      program: "prog",
      policyPack: "p",
      policyPackConfig: "c.json",
      stack: "prod",
      config: ["a=1", "aws:region=eu-west-1"],
      stackTags: ["team=platform", "cost:center=42=x"],
      format: "sarif",
      output: "o.sarif",
      timeoutSeconds: 60,
      verbose: true,
      secondLook: false,
      help: true,
    });
    expect(parseArgs(["--state", "s.json"]).state).toBe("s.json");
    expect(parseArgs(["--pack-timeout", "600", "--timeout=3"])).toMatchObject({ packTimeoutSeconds: 600, timeoutSeconds: 3 });
    expect(parseArgs(["-h"]).help).toBe(true);
    expect(parseArgs(["--version"]).version).toBe(true);
    expect(parseArgs(["--source-root", "/r"]).sourceRoot).toBe("/r");
  });

  it.each([
    [["--frobnicate"], "unknown option --frobnicate"],
    [["--config", "novalue"], "--config novalue: expected key=value"],
    [["--stack-tag", "team"], "--stack-tag team: expected key=value"],
    [["--stack-tag", "=x"], "--stack-tag =x: expected key=value"],
    [
      ["--stack-tag", "bad tag=x"],
      "--stack-tag bad tag=x: stack tag names may only contain alphanumerics, hyphens, underscores, periods, or colons",
    ],
    [["--stack-tag", `${"k".repeat(41)}=x`], `stack tag "${"k".repeat(41)}" is too long (max length 40 characters)`],
    [["--stack-tag", `k=${"v".repeat(257)}`], `stack tag "k" value is too long (max length 256 characters)`],
    [["--format", "xml"], "--format xml: use text, json, sarif or html"],
    [["--timeout", "-1"], "--timeout -1: expected a positive number"],
    [["--pack-timeout", "soon"], "--pack-timeout soon: expected a positive number"],
    [["--stack"], "option --stack needs a value"],
    [["--stack="], "option --stack needs a value"],
    [["--verbose=1"], "option --verbose takes no value"],
    [["--format", "xml", "--format", "json"], "--format xml: use text, json, sarif or html"],
    [["a", "b"], "expected at most one PROGRAM"],
    [["a", "--state", "s.json"], "give either a PROGRAM or --state"],
  ])("rejects %j", (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(CheckError);
    expect(() => parseArgs(argv)).toThrow(message);
  });

  it("keeps the last of a repeated single-valued option", () => {
    expect(parseArgs(["--format", "json", "--format=sarif", "--stack", "a", "--stack", "b"])).toMatchObject({
      format: "sarif",
      stack: "b",
    });
  });
});

describe("usage text", () => {
  const lines = USAGE.split("\n");

  it("has a line for every declared option, with its value name", () => {
    for (const [name, spec] of Object.entries(OPTIONS)) {
      const flag = "valueName" in spec ? `--${name} ${spec.valueName}` : `--${name}`;
      expect(lines.filter((line) => line.startsWith(`  ${flag} `) || line.startsWith(`  ${flag},`))).toHaveLength(1);
    }
    expect(USAGE).toMatch(/^ {2}--help, -h +this text$/m);
  });

  it("shows the defaults parseArgs applies", () => {
    expect(USAGE).toMatch(/^ {2}--stack NAME +.*\(default: dev\)$/m);
    expect(USAGE).toMatch(/^ {2}--format text\|json\|sarif\|html +.*\(default: text\)$/m);
    expect(parseArgs([])).toMatchObject({ stack: "dev", format: "text", timeoutSeconds: 300 });
  });

  it("lists every format with its description", () => {
    const section = USAGE.slice(USAGE.indexOf("\nFormats:\n"), USAGE.indexOf("\nExit codes:"));
    for (const name of FORMAT_NAMES) {
      expect(section).toMatch(new RegExp(`^ {2}${name} +${FORMATS[name].description.split(" ")[0]}`, "m"));
    }
  });
});
