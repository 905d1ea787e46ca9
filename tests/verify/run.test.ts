import { GetKeyRotationStatusCommand } from "@aws-sdk/client-kms";
import { HeadBucketCommand } from "@aws-sdk/client-s3";
import { describeAwsError } from "../../verify/aws-errors";
import { allChecks } from "../../verify/checks";
import { createClients } from "../../verify/clients";
import { CannotRunError } from "../../verify/errors";
import { mapBounded, runChecks } from "../../verify/run";
import { type Check, fail, pass } from "../../verify/types";
import { awsError, healthyStack, mocks, outputs } from "./stack-fixture";

const ctx = () => ({ outputs, clients: createClients(outputs.region) });
const fixed = (id: string, outcome: ReturnType<typeof pass>, requires?: string): Check => ({
  id,
  title: id,
  requires,
  run: async () => outcome,
});

beforeEach(healthyStack);

describe("mapBounded", () => {
  it("keeps at most `limit` calls in flight and the input order", async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapBounded([5, 1, 4, 2, 3, 0], 3, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      for (let i = 0; i < n; i++) await Promise.resolve();
      inFlight--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0]);
    expect(peak).toBe(3);
  });

  it("handles an empty list", async () => {
    expect(await mapBounded([], 4, async () => 1)).toEqual([]);
  });
});

describe("runChecks", () => {
  it("passes every check of a healthy stack, in catalog order", async () => {
    const results = await runChecks(allChecks, ctx());
    expect(results.map((r) => r.id)).toEqual(allChecks.map((c) => c.id));
    expect(results.filter((r) => r.status !== "pass")).toEqual([
      expect.objectContaining({ id: "codepipeline.latest-execution", status: "info" }),
    ]);
  });

  it("skips the checks whose prerequisite failed, without calling AWS for them", async () => {
    mocks.s3.on(HeadBucketCommand).rejects(awsError("NotFound"));
    const results = await runChecks(allChecks, ctx(), { concurrency: 2 });
    const s3 = results.filter((r) => r.id.startsWith("s3."));
    expect(s3.map((r) => r.status)).toEqual(["fail", "skip", "skip", "skip", "skip"]);
    expect(s3[1].detail).toBe("skipped: s3.bucket did not pass");
    expect(mocks.s3.calls()).toHaveLength(1);
  });

  it("runs a check whose prerequisite is not in the list as independent", async () => {
    expect(await runChecks([fixed("b", fail("no"), "a")], ctx())).toEqual([{ id: "b", title: "b", status: "fail", detail: "no" }]);
  });

  it("reports an unexpected error as a failed check", async () => {
    const broken: Check = {
      id: "x",
      title: "x",
      run: async () => {
        throw new SyntaxError("Unexpected token");
      },
    };
    expect(await runChecks([broken, fixed("y", pass("ok"))], ctx())).toEqual([
      { id: "x", title: "x", status: "fail", detail: "unexpected error: Unexpected token" },
      { id: "y", title: "y", status: "pass", detail: "ok" },
    ]);
  });

  it("stops with one line when AWS cannot be reached", async () => {
    mocks.kms
      .on(GetKeyRotationStatusCommand)
      .rejects(Object.assign(new Error("getaddrinfo ENOTFOUND kms.eu-west-1.amazonaws.com"), { code: "ENOTFOUND" }));
    await expect(runChecks(allChecks, ctx())).rejects.toThrow(/^cannot reach AWS for kms:GetKeyRotationStatus/);
  });

  it("stops with one line when the credentials are unusable", async () => {
    mocks.s3.on(HeadBucketCommand).rejects(awsError("CredentialsProviderError", "Could not load credentials from any providers"));
    await expect(runChecks(allChecks, ctx())).rejects.toThrow(
      new CannotRunError(
        "no usable AWS credentials (CredentialsProviderError): set AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or a web identity role, and refresh expired sessions",
      ),
    );
  });
});

describe("describeAwsError", () => {
  const networkError = (code: string) => Object.assign(new Error(`getaddrinfo ${code} s3.eu-west-1.amazonaws.com`), { code });

  it.each([["ENOTFOUND"], ["ECONNREFUSED"], ["ETIMEDOUT"]])("%s means AWS is unreachable", (code) => {
    expect(describeAwsError(networkError(code), "s3:GetBucketPolicy")).toEqual({
      kind: "network",
      message: `cannot reach AWS for s3:GetBucketPolicy (getaddrinfo ${code} s3.eu-west-1.amazonaws.com): check the network or proxy and the stack's region output`,
    });
  });

  it("treats an SDK timeout as unreachable and an unknown code as a plain failure", () => {
    expect(describeAwsError(awsError("TimeoutError"), "ecs:DescribeServices").kind).toBe("network");
    expect(describeAwsError(networkError("EPROTO"), "ecs:DescribeServices").kind).toBe("other");
    expect(describeAwsError(null, "ecs:DescribeServices").kind).toBe("other");
  });

  it.each([["ExpiredToken"], ["InvalidClientTokenId"], ["UnrecognizedClientException"]])("%s is a credentials problem", (name) => {
    expect(describeAwsError(awsError(name), "s3:HeadBucket").kind).toBe("credentials");
  });

  it.each([["AccessDenied"], ["AccessDeniedException"], ["AuthorizationError"], ["Forbidden"]])("%s names the action to grant", (name) => {
    expect(describeAwsError(awsError(name), "sns:GetTopicAttributes")).toEqual({
      kind: "access",
      message:
        "access denied for sns:GetTopicAttributes: grant it to the verifier's role (docs/verifying.md lists the read-only permissions)",
    });
  });

  it("describes a thrown non-Error", () => {
    expect(describeAwsError("socket hang up", "ecs:DescribeServices")).toEqual({
      kind: "other",
      message: "ecs:DescribeServices failed: UnknownError: socket hang up",
    });
  });
});
