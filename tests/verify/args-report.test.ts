import { parseArgs } from "../../verify/args";
import { exitCodeFor, formatJson, formatText, summarize } from "../../verify/report";
import type { CheckResult } from "../../verify/types";

describe("parseArgs", () => {
  it("reads --stack, --outputs and --json, with or without '='", () => {
    expect(parseArgs(["--stack", "dev", "--outputs=o.json", "--json"])).toEqual({
      stack: "dev",
      outputsFile: "o.json",
      json: true,
      help: false,
    });
    expect(parseArgs(["--stack=prod", "--outputs", "p.json"])).toEqual({ stack: "prod", outputsFile: "p.json", json: false, help: false });
  });

  it.each([["--help"], ["-h"]])("%s asks for help", (flag) => {
    expect(parseArgs([flag]).help).toBe(true);
  });

  it.each([
    [["--stack"], "--stack needs a value; usage: npm run verify -- --stack NAME [--outputs FILE] [--json]"],
    [["--stack", "--json"], "--stack needs a value"],
    [["--outputs="], "--outputs needs a value"],
    [["dev"], "unknown argument 'dev'; usage: npm run verify"],
    [["--json=yes"], "unknown argument '--json=yes'"],
  ])("rejects %j", (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

const results: CheckResult[] = [
  { id: "s3.bucket", title: "artifact bucket exists", status: "pass", detail: "bucket 'b' exists" },
  { id: "ecs.service", title: "ECS service is ACTIVE", status: "fail", detail: "0/1 tasks running" },
  { id: "s3.versioning", title: "versioning", status: "skip", detail: "skipped: s3.bucket did not pass" },
  { id: "codepipeline.latest-execution", title: "latest pipeline execution", status: "info", detail: "Succeeded" },
];

describe("report", () => {
  it("prints one marked line per check and a summary", () => {
    expect(formatText("dev", results).split("\n")).toEqual([
      "Post-deploy verification of dev",
      "[PASS] s3.bucket                      artifact bucket exists: bucket 'b' exists",
      "[FAIL] ecs.service                    ECS service is ACTIVE: 0/1 tasks running",
      "[SKIP] s3.versioning                  versioning: skipped: s3.bucket did not pass",
      "[INFO] codepipeline.latest-execution  latest pipeline execution: Succeeded",
      "1 check(s) failed: 1 passed, 1 failed, 1 skipped, 1 info",
      "",
    ]);
  });

  it("says when everything passed", () => {
    expect(formatText("dev", [results[0]])).toContain("\nall checks passed: 1 passed, 0 failed, 0 skipped, 0 info\n");
    expect(formatText("dev", [])).toContain("all checks passed: 0 passed");
  });

  it("prints JSON with the stack, summary and results", () => {
    expect(JSON.parse(formatJson("dev", results))).toEqual({ stack: "dev", summary: { pass: 1, fail: 1, skip: 1, info: 1 }, results });
  });

  it("exits 1 only when a check failed", () => {
    expect(exitCodeFor(results)).toBe(1);
    expect(exitCodeFor(results.filter((r) => r.status !== "fail"))).toBe(0);
    expect(summarize([])).toEqual({ pass: 0, fail: 0, skip: 0, info: 0 });
  });
});
