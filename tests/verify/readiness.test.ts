import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { hasCredentials, liveReadiness, onPath } from "../../verify/readiness";

describe("onPath", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "verify-path-"));
    writeFileSync(join(dir, "pulumi"), "#!/bin/sh\n");
    chmodSync(join(dir, "pulumi"), 0o755);
    writeFileSync(join(dir, "notexec"), "");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("finds an executable in any PATH entry, skipping empty entries", () => {
    expect(onPath("pulumi", { PATH: ["", "/nonexistent", dir].join(delimiter) })).toBe(true);
  });

  it("ignores non-executable files and an unset PATH", () => {
    expect(onPath("notexec", { PATH: dir })).toBe(false);
    expect(onPath("pulumi", {})).toBe(false);
  });
});

describe("hasCredentials", () => {
  it.each([
    [{ AWS_ACCESS_KEY_ID: "AKIA", AWS_SECRET_ACCESS_KEY: "s" }, true],
    [{ AWS_ACCESS_KEY_ID: "AKIA" }, false],
    [{ AWS_PROFILE: "dev" }, true],
    [{ AWS_WEB_IDENTITY_TOKEN_FILE: "/t", AWS_ROLE_ARN: "arn:aws:iam::1:role/r" }, true],
    [{ AWS_WEB_IDENTITY_TOKEN_FILE: "/t" }, false],
    [{}, false],
  ])("%j -> %s", (env, expected) => {
    expect(hasCredentials(env)).toBe(expected);
  });
});

describe("liveReadiness", () => {
  const exists = (file: string) => file === "/outputs.json";
  const creds = { AWS_PROFILE: "dev" };

  it("is ready with credentials and an existing outputs file", () => {
    expect(liveReadiness({ ...creds, PIPELINE_OUTPUTS_FILE: "/outputs.json" }, exists, false)).toEqual({ ready: true, reason: "" });
  });

  it("is ready with credentials, the pulumi CLI and PIPELINE_STACK", () => {
    expect(liveReadiness({ ...creds, PIPELINE_STACK: "dev" }, exists, true).ready).toBe(true);
  });

  it("names both missing pieces in one line", () => {
    expect(liveReadiness({}, exists, false)).toEqual({
      ready: false,
      reason:
        "live suite skipped: no AWS credentials (set AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_WEB_IDENTITY_TOKEN_FILE/AWS_ROLE_ARN)" +
        " and no stack outputs (set PIPELINE_OUTPUTS_FILE or install the pulumi CLI and set PIPELINE_STACK)",
    });
  });

  it("names an outputs file that does not exist", () => {
    expect(liveReadiness({ ...creds, PIPELINE_OUTPUTS_FILE: "/gone.json" }, exists, true).reason).toBe(
      "live suite skipped: no stack outputs (PIPELINE_OUTPUTS_FILE=/gone.json does not exist)",
    );
  });

  it("asks for PIPELINE_STACK when only the CLI is there", () => {
    expect(liveReadiness(creds, exists, true).reason).toBe(
      "live suite skipped: no stack outputs (set PIPELINE_STACK for the pulumi CLI, or PIPELINE_OUTPUTS_FILE)",
    );
  });

  it("defaults to the real file system and PATH", () => {
    expect(liveReadiness({ ...creds, PIPELINE_OUTPUTS_FILE: __filename, PATH: "" }).ready).toBe(true);
    expect(liveReadiness({ ...creds, PIPELINE_STACK: "dev", PATH: "" }).ready).toBe(false);
  });
});
