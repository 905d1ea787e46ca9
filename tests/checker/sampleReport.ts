// A report with one finding of every kind, shared by the report format tests.
import type { CheckReport, Finding } from "../../checker/types";

const bucket = "urn:pulumi:dev::p::aws:s3/bucket:Bucket::artifacts";
const topic = "urn:pulumi:dev::p::aws:sns/topic:Topic::alerts";

export const finding = (over: Partial<Finding>): Finding => ({
  policy: "no-inline-versioning",
  enforcementLevel: "mandatory",
  severity: "high",
  resourceType: "aws:s3/bucket:Bucket",
  resourceName: "artifacts",
  urn: bucket,
  message: "inline versioning is deprecated",
  ...over,
});

export const sampleReport: CheckReport = {
  resources: 4,
  violations: [
    finding({}),
    finding({ policy: "bucket-has-tags", enforcementLevel: "advisory", severity: "low", message: "missing tag owner" }),
  ],
  waived: [
    finding({
      policy: "topic-kms",
      enforcementLevel: "advisory",
      severity: "medium",
      resourceType: "aws:sns/topic:Topic",
      resourceName: "alerts",
      urn: topic,
      message: "[waived] dev only",
    }),
  ],
  undecided: [
    finding({
      policy: "topic-name",
      enforcementLevel: "advisory",
      severity: "",
      resourceType: "aws:sns/topic:Topic",
      resourceName: "alerts",
      urn: topic,
      message: "[undecided] name unknown",
    }),
  ],
  remediated: [
    {
      policy: "force-destroy-off",
      resourceType: "aws:s3/bucket:Bucket",
      resourceName: "artifacts",
      urn: bucket,
      changes: [{ path: "forceDestroy", before: true, after: false }],
    },
  ],
  unansweredFunctions: [{ token: "aws:ec2/getVpc:getVpc", calls: 2 }],
};
