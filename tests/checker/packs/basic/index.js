// A pack with one policy per outcome the checker must sort: mandatory, advisory, waived, undecided,
// remediated, stack-level, and configurable. It targets aws.s3.Bucket and aws.sns.Topic only.
"use strict";
const { PolicyPack } = require("@pulumi/policy");

const bucketType = "aws:s3/bucket:Bucket";

new PolicyPack("checker-test-pack", {
  policies: [
    {
      name: "no-inline-versioning",
      description: "Buckets must not use inline versioning.",
      enforcementLevel: "mandatory",
      severity: "high",
      tags: ["s3"],
      remediationSteps: "Use aws.s3.BucketVersioning instead.",
      validateResource: (args, report) => {
        if (args.type === bucketType && args.props.versioning !== undefined) {
          report("inline versioning is deprecated");
        }
      },
    },
    {
      name: "bucket-has-tags",
      description: "Buckets should carry tags.",
      enforcementLevel: "advisory",
      severity: "low",
      configSchema: { properties: { tagName: { type: "string", default: "owner" } } },
      validateResource: (args, report) => {
        if (args.type !== bucketType) return;
        const tag = args.getConfig().tagName;
        const tags = args.props.tags || {};
        if (tags.waive === "yes") {
          report(`[waived] tag ${tag} not required here`);
        } else if (tags[tag] === undefined) {
          report(`missing tag ${tag}`);
        }
      },
    },
    {
      name: "topic-name-known",
      description: "Topic names must be known at preview.",
      enforcementLevel: "mandatory",
      severity: "medium",
      validateResource: (args, report) => {
        if (args.type !== "aws:sns/topic:Topic") return;
        const displayName = args.props.displayName;
        if (displayName !== undefined && displayName.length > 10) {
          report("display name too long");
        }
      },
    },
    {
      name: "force-destroy-off",
      description: "Buckets must not set forceDestroy.",
      enforcementLevel: "remediate",
      severity: "critical",
      remediateResource: (args) => {
        if (args.type === bucketType && args.props.forceDestroy === true) {
          return { ...args.props, forceDestroy: false };
        }
        return undefined;
      },
    },
    {
      name: "at-most-two-buckets",
      description: "A stack holds at most two buckets.",
      enforcementLevel: "mandatory",
      severity: "medium",
      validateStack: (args, report) => {
        const buckets = args.resources.filter((r) => r.type === bucketType);
        if (buckets.length > 2) {
          report(`found ${buckets.length} buckets`, buckets[2].urn);
        }
        if (args.resources.some((r) => r.type === "aws:sns/topic:Topic" && r.props.name === "stack-level")) {
          report("a topic named stack-level has no resource to blame");
        }
      },
    },
  ],
});
