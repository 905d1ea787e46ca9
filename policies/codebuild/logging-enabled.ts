import { CompliancePolicy, ResourceCheck, resourcePolicy } from "../lib/policy";
import { isSet, read } from "../lib/props";
import { anyPasses, reportVerdict, undecidedWhenUnknown, Verdict, verdictOn } from "../lib/state";
import { CODEBUILD_PROJECT } from "../lib/resource-types";

function cloudWatch(props: unknown): Verdict {
  const status = read.string(props, "logsConfig.cloudwatchLogs.status");
  return verdictOn(status, (known) => known !== "DISABLED" && isSet(props, "logsConfig.cloudwatchLogs.groupName"));
}

function s3(props: unknown): Verdict {
  return verdictOn(read.string(props, "logsConfig.s3Logs.status"), (status) => status === "ENABLED");
}

function validate(check: ResourceCheck): void {
  const props = check.resource.props;
  const logsConfig = read.object(props, "logsConfig");
  if (undecidedWhenUnknown(check, logsConfig, "logsConfig")) {
    return;
  }
  reportVerdict(check, anyPasses([cloudWatch(props), s3(props)]), {
    unknown: "a log status in logsConfig is unknown during preview, and no other log destination is enabled",
    fail: "build logs go to no named destination: set logsConfig.cloudwatchLogs with a groupName (status ENABLED) or enable logsConfig.s3Logs",
  });
}

export const codebuildLoggingEnabled: CompliancePolicy = resourcePolicy({
  name: "codebuild-logging-enabled",
  description: "CodeBuild projects must log to a named CloudWatch Logs group or to S3.",
  severity: "medium",
  enforcementLevel: "advisory",
  resourceTypes: [CODEBUILD_PROJECT],
  docs: {
    what: "`logsConfig.cloudwatchLogs` must not be `DISABLED` and must name a `groupName`, or `logsConfig.s3Logs.status` must be `ENABLED`.",
    why: "Build logs record what ran with the pipeline's permissions; the implicit default group has no retention or encryption chosen by the program.",
    fix: 'Create an `aws.cloudwatch.LogGroup` with retention and a KMS key and set `logsConfig: { cloudwatchLogs: { status: "ENABLED", groupName: group.name } }`.',
    url: "https://docs.aws.amazon.com/codebuild/latest/userguide/change-project-console-logs.html",
    compliance: { nist: ["AU-2", "AU-12"], pci: ["10.2.1"] },
  },
  validate,
});
