// A report with one finding of every kind, shared by the report format tests.
import type { RenderContext } from "../../checker/report/formats";
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

/** What the format tests render the sample report with: a pack, the first violation's declaration, a source root. */
export const sampleContext: RenderContext = {
  pack: {
    name: "kit-pack",
    version: "2.0.0",
    policies: [
      { name: "no-inline-versioning", description: "d", severity: "high", tags: [], remediationSteps: "", url: "https://example.com/niv" },
    ],
  },
  locations: new Map([[sampleReport.violations[0].urn, { file: "/repo/stack/bucket.ts", line: 7 }]]),
  entry: "/repo/index.ts",
  state: false,
  root: "/repo",
  colour: false,
  toolVersion: "9.9.9",
};
