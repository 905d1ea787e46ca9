import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CannotRunError } from "../../verify/errors";
import { loadOutputs, parseOutputs } from "../../verify/outputs";
import { outputs } from "./stack-fixture";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "verify-outputs-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: string): string => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};

/** A stand-in `pulumi` executable that prints `stdout`, writes `stderr` and exits with `code`. */
const fakePulumi = (stdout: string, code = 0, stderr = ""): NodeJS.ProcessEnv => {
  write("out.json", stdout);
  const script = write("pulumi", `#!/bin/sh\necho "$@" > "${dir}/args"\ncat "${dir}/out.json"\necho "${stderr}" >&2\nexit ${code}\n`);
  chmodSync(script, 0o755);
  return { PATH: `${dir}:/usr/bin:/bin` };
};

describe("parseOutputs", () => {
  it("accepts the full contract", () => {
    expect(parseOutputs({ ...outputs, extra: 1 }, "f.json")).toEqual(outputs);
  });

  it.each([
    [[], "f.json: stack outputs must be a JSON object"],
    [null, "f.json: stack outputs must be a JSON object"],
    ["x", "f.json: stack outputs must be a JSON object"],
  ])("rejects %j", (raw, message) => {
    expect(() => parseOutputs(raw, "f.json")).toThrow(message);
  });

  it("names a missing key and where it comes from", () => {
    const { pipelineName: _omit, ...rest } = outputs;
    expect(() => parseOutputs(rest, "f.json")).toThrow(
      new CannotRunError(`f.json: missing key 'pipelineName'; the stack program must export it (docs/architecture.md, "Stack outputs")`),
    );
  });

  it("names a missing approvalRequired", () => {
    const { approvalRequired: _omit, ...rest } = outputs;
    expect(() => parseOutputs(rest, "f.json")).toThrow("f.json: missing key 'approvalRequired'");
  });

  it("names every missing key in one error, in the contract's order", () => {
    const { kmsKeyAlias: _alias, serviceUrl: _url, approvalRequired: _approval, ...rest } = outputs;
    expect(() => parseOutputs({ ...rest, region: 42 }, "f.json")).toThrow(
      new CannotRunError(
        `f.json: missing 3 keys 'kmsKeyAlias', 'serviceUrl', 'approvalRequired'; the stack program must export them (docs/architecture.md, "Stack outputs")`,
      ),
    );
  });

  it("names all nineteen string keys and approvalRequired when the object is empty", () => {
    expect(() => parseOutputs({}, "f.json")).toThrow(
      /^f\.json: missing 20 keys 'region', 'kmsKeyArn', .*'pipelineFailureRuleName', 'approvalRequired'; /,
    );
  });

  it.each([
    [{ region: "" }, `f.json: 'region' must be a non-empty string, got ""`],
    [{ clusterName: 42 }, "f.json: 'clusterName' must be a non-empty string, got 42"],
    [{ approvalRequired: "true" }, `f.json: 'approvalRequired' must be true or false, got "true"`],
  ])("rejects wrong types %j", (change, message) => {
    expect(() => parseOutputs({ ...outputs, ...change }, "f.json")).toThrow(message);
  });
});

describe("loadOutputs", () => {
  it("reads PIPELINE_OUTPUTS_FILE before --outputs and the CLI", () => {
    const file = write("outputs.json", JSON.stringify(outputs));
    expect(loadOutputs({ env: { PIPELINE_OUTPUTS_FILE: file }, outputsFile: join(dir, "absent.json"), stack: "dev" })).toEqual(outputs);
  });

  it("reads --outputs FILE", () => {
    const file = write("o.json", JSON.stringify({ ...outputs, approvalRequired: false }));
    expect(loadOutputs({ env: {}, outputsFile: file }).approvalRequired).toBe(false);
  });

  it("names an unreadable file", () => {
    const file = join(dir, "absent.json");
    expect(() => loadOutputs({ env: {}, outputsFile: file })).toThrow(`${file}: no such file (the stack outputs file)`);
  });

  it("names a file that is not JSON", () => {
    const file = write("bad.json", "{ region:");
    expect(() => loadOutputs({ env: {}, outputsFile: file })).toThrow(`${file}: not valid JSON`);
  });

  it("asks for a source when there is none", () => {
    expect(() => loadOutputs({ env: {} })).toThrow(
      "no stack outputs: pass --stack NAME (needs the pulumi CLI), --outputs FILE, or set PIPELINE_OUTPUTS_FILE",
    );
  });

  it("says the pulumi CLI is absent when it is not on PATH", () => {
    expect(() => loadOutputs({ env: { PATH: dir }, stack: "dev" })).toThrow("no stack outputs: the pulumi CLI is not on PATH");
  });

  it("runs `pulumi stack output --json --show-secrets --stack NAME`", () => {
    const env = fakePulumi(JSON.stringify(outputs));
    expect(loadOutputs({ env, stack: "staging" })).toEqual(outputs);
    expect(readFileSync(join(dir, "args"), "utf8").trim()).toBe("stack output --json --show-secrets --stack staging");
  });

  it("reports the CLI's first error line and exit code", () => {
    const env = fakePulumi("", 255, "error: no stack named 'qa' found");
    expect(() => loadOutputs({ env, stack: "qa" })).toThrow(
      "pulumi stack output --stack qa failed (exit 255): error: no stack named 'qa' found",
    );
  });

  it("validates what the CLI prints", () => {
    const env = fakePulumi(JSON.stringify({ region: "eu-west-1" }));
    expect(() => loadOutputs({ env, stack: "dev" })).toThrow(
      "pulumi stack output --stack dev: missing 19 keys 'kmsKeyArn', 'kmsKeyAlias', ",
    );
  });
});
