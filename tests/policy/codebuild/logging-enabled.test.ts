import { analyzeResource, of, unknown, verdicts } from "../harness";
import { project, PROJECT } from "./project";

const POLICY = "codebuild-logging-enabled";

async function findings(logsConfig: unknown) {
  return of(POLICY, await analyzeResource(PROJECT, "build", project({ logsConfig })));
}

const cloudwatch = (extra: Record<string, unknown>) => ({ cloudwatchLogs: extra });

describe(POLICY, () => {
  it("passes a named CloudWatch group, enabled or with the default status", async () => {
    expect(await findings(cloudwatch({ status: "ENABLED", groupName: "/app/build" }))).toEqual([]);
    expect(await findings(cloudwatch({ groupName: unknown }))).toEqual([]);
  });

  it("judges absent statuses like the provider defaults: CloudWatch ENABLED, S3 DISABLED", async () => {
    expect(verdicts(await findings(cloudwatch({ groupName: "/app/build" })))).toEqual([]);
    expect(verdicts(await findings(cloudwatch({ status: "ENABLED", groupName: "/app/build" })))).toEqual([]);
    const s3Only = (s3Logs: Record<string, unknown>) => ({ cloudwatchLogs: { status: "DISABLED" }, s3Logs });
    expect(verdicts(await findings(s3Only({ location: "logs-bucket/build" })))).toEqual(["advisory"]);
    expect(verdicts(await findings(s3Only({ status: "DISABLED", location: "logs-bucket/build" })))).toEqual(["advisory"]);
  });

  it("passes enabled S3 logs even with CloudWatch disabled", async () => {
    const config = { cloudwatchLogs: { status: "DISABLED" }, s3Logs: { status: "ENABLED", location: "logs-bucket/build" } };
    expect(await findings(config)).toEqual([]);
  });

  it("reports no logsConfig, a disabled group, and a group without a name", async () => {
    for (const config of [
      undefined,
      cloudwatch({ status: "DISABLED", groupName: "/app/build" }),
      cloudwatch({ status: "ENABLED" }),
      { s3Logs: { status: "DISABLED" } },
    ]) {
      const result = await findings(config);
      expect(result).toEqual([expect.objectContaining({ level: "advisory", message: expect.stringContaining("no named destination") })]);
    }
  });

  it("reports undecided when the configuration or a status it needs is unknown", async () => {
    const whole = await findings(unknown);
    expect(whole.map((d) => d.message)).toEqual([expect.stringMatching(/^\[undecided\] logsConfig is unknown during preview/)]);
    for (const config of [
      cloudwatch({ status: unknown, groupName: "/app/build" }),
      { cloudwatchLogs: { status: "DISABLED" }, s3Logs: { status: unknown } },
    ]) {
      expect((await findings(config)).map((d) => d.message)).toEqual([
        expect.stringMatching(
          /^\[undecided\] a log status in logsConfig is unknown during preview, and no other log destination is enabled/,
        ),
      ]);
    }
  });

  it("decides on a known enabled destination even when the other status is unknown", async () => {
    expect(await findings({ cloudwatchLogs: { status: unknown }, s3Logs: { status: "ENABLED" } })).toEqual([]);
  });
});
