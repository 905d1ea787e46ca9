import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import { codebuildPolicies } from "../../policies/codebuild";
import { codepipelinePolicies } from "../../policies/codepipeline";
import { ecrPolicies } from "../../policies/ecr";
import { ecsPolicies } from "../../policies/ecs";
import { eventbridgePolicies } from "../../policies/eventbridge";
import { iamPolicies } from "../../policies/iam";
import { kmsPolicies } from "../../policies/kms";
import { lbPolicies } from "../../policies/lb";
import { logsPolicies } from "../../policies/logs";
import { s3Policies } from "../../policies/s3";
import { snsPolicies } from "../../policies/sns";
import { waiverPolicies } from "../../policies/waiver";
import { packArgs, packName, policies } from "../../policies/pack";
import { analyzerInfo } from "./harness";

const root = path.join(__dirname, "../..");
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), "utf8")) as Record<string, unknown>;
const readYaml = (file: string) => yaml.load(fs.readFileSync(path.join(root, file), "utf8")) as Record<string, unknown>;

const byService: Record<string, readonly { name: string }[]> = {
  codebuild: codebuildPolicies,
  codepipeline: codepipelinePolicies,
  ecr: ecrPolicies,
  ecs: ecsPolicies,
  eventbridge: eventbridgePolicies,
  iam: iamPolicies,
  kms: kmsPolicies,
  lb: lbPolicies,
  logs: logsPolicies,
  s3: s3Policies,
  sns: snsPolicies,
  waiver: waiverPolicies([]),
};

/** Every policy of the pack, by service, in the order the pack lists them. */
const EXPECTED_NAMES = [
  "codepipeline-artifact-store-region",
  "codepipeline-no-github-v1-source",
  "codepipeline-artifact-store-cmk",
  "codepipeline-pipeline-type-v2",
  "codepipeline-source-actions-first-stage",
  "codepipeline-input-artifacts-produced",
  "codepipeline-production-approval",
  "codebuild-encryption-key",
  "codebuild-logging-enabled",
  "codebuild-privileged-mode",
  "codebuild-no-plaintext-credentials",
  "codebuild-no-source-credentials",
  "s3-no-deprecated-inline-config",
  "s3-bucket-kms-encryption",
  "s3-bucket-versioning",
  "s3-bucket-public-access-block",
  "s3-bucket-tls-only",
  "s3-bucket-acls-disabled",
  "s3-bucket-lifecycle",
  "s3-bucket-policy-not-public",
  "s3-bucket-access-logging",
  "ecr-repository-scan-on-push",
  "ecr-repository-immutable-tags",
  "ecr-repository-kms-encryption",
  "ecr-repository-lifecycle-policy",
  "ecr-repository-policy-not-public",
  "ecs-deploy-target-in-stack",
  "ecs-container-insights",
  "ecs-task-logging",
  "ecs-task-not-privileged",
  "ecs-task-read-only-root",
  "ecs-task-no-plaintext-secrets",
  "ecs-task-separate-roles",
  "ecs-service-no-public-ip",
  "lb-http-redirect-to-https",
  "lb-tls-security-policy",
  "lb-drop-invalid-headers",
  "lb-deletion-protection",
  "lb-internet-facing",
  "lb-access-logs",
  "eventbridge-codecommit-rule-matches-source",
  "eventbridge-rule-has-target",
  "eventbridge-event-bus-not-public",
  "iam-no-admin-access",
  "iam-no-wildcard-actions",
  "iam-wildcard-resources",
  "iam-trust-policy-principals",
  "iam-pass-role-scoped",
  "iam-pass-role-service-condition",
  "kms-key-rotation",
  "kms-key-policy-not-public",
  "kms-key-deletion-window",
  "logs-log-group-retention",
  "logs-log-group-kms-encryption",
  "sns-topic-kms-encryption",
  "sns-topic-policy-not-public",
  "waiver-mistakes",
];

/** What the served remediation of each core policy must name: the change that fixes its known failure. */
const CORE_REMEDIATIONS: Readonly<Record<string, readonly string[]>> = {
  "codepipeline-artifact-store-region": ["Remove `region`", "cross-region"],
  "codepipeline-no-github-v1-source": ["aws.codeconnections.Connection", "CodeStarSourceConnection", "ConnectionArn"],
  "s3-no-deprecated-inline-config": [
    "BucketVersioning",
    "BucketServerSideEncryptionConfiguration",
    "BucketLifecycleConfiguration",
    "without V2",
  ],
  "ecs-deploy-target-in-stack": ["`cluster.name`", "`service.name`", "policy config"],
  "eventbridge-codecommit-rule-matches-source": ["Remove the trigger", "connection", "`resources: [repo.arn]`"],
};

describe("the pack", () => {
  it("loads the same from the repository root and from policies/", () => {
    const rootPackage = readJson("package.json");
    const policiesPackage = readJson("policies/package.json");
    expect(rootPackage.version).toBe(policiesPackage.version);
    expect(rootPackage.main).toBe("policies/index.ts");
    expect(policiesPackage.main).toBe("index.ts");
    expect(readYaml("PulumiPolicy.yaml")).toEqual(readYaml("policies/PulumiPolicy.yaml"));
    expect(readYaml("PulumiPolicy.yaml")).toMatchObject({ name: packName, runtime: "nodejs" });
  });

  it("contains every service list exactly once, and the five core policies", () => {
    expect(policies.map((p) => p.name).sort()).toEqual(
      Object.values(byService)
        .flat()
        .map((p) => p.name)
        .sort(),
    );
    // What the engine is given: a policy dropped from a service list or from the pack fails here.
    expect(packArgs.policies.map((p) => p.name)).toEqual(EXPECTED_NAMES);
    expect(policies.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        "codepipeline-artifact-store-region",
        "codepipeline-no-github-v1-source",
        "s3-no-deprecated-inline-config",
        "ecs-deploy-target-in-stack",
        "eventbridge-codecommit-rule-matches-source",
      ]),
    );
  });

  it("names policies in kebab-case, uniquely, prefixed by their service folder", () => {
    for (const [service, list] of Object.entries(byService)) {
      for (const policy of list) {
        expect(policy.name).toMatch(new RegExp(`^${service}(-[a-z0-9]+)+$`));
      }
    }
    expect(new Set(policies.map((p) => p.name)).size).toBe(policies.length);
  });

  it("documents every policy and gives it severity, level and a waivers config", () => {
    for (const policy of policies) {
      expect(policy.docs.what.length).toBeGreaterThan(20);
      expect(policy.docs.why.length).toBeGreaterThan(20);
      expect(policy.docs.fix.length).toBeGreaterThan(20);
      expect(policy.docs.url).toMatch(/^https:\/\//);
      expect(policy.severity).toMatch(/^(low|medium|high|critical)$/);
      expect(policy.enforcementLevel).toMatch(/^(advisory|mandatory|remediate)$/);
      expect(policy.configSchema?.properties.waivers).toMatchObject({ type: "array", default: [] });
    }
  });

  it("gives every policy remediation steps of its own that say what to do", () => {
    const steps = policies.map((p) => p.remediationSteps ?? "");
    for (const [index, policy] of policies.entries()) {
      // A sentence of its own: not another docs field wired in by mistake, not a placeholder.
      expect(steps[index]).toMatch(/^[A-Z].{30,}\.$/s);
      expect([policy.description, policy.docs.what, policy.docs.why]).not.toContain(steps[index]);
    }
    expect(new Set(steps).size).toBe(policies.length);
  });

  it("keeps the core policies' severities, levels and kinds", () => {
    const summary = Object.fromEntries(policies.map((p) => [p.name, [p.kind, p.severity, p.enforcementLevel, p.remediable]]));
    expect(summary).toMatchObject({
      "codepipeline-artifact-store-region": ["resource", "critical", "mandatory", true],
      "codepipeline-no-github-v1-source": ["resource", "critical", "mandatory", false],
      "s3-no-deprecated-inline-config": ["resource", "high", "mandatory", false],
      "ecs-deploy-target-in-stack": ["stack", "high", "mandatory", false],
      "eventbridge-codecommit-rule-matches-source": ["stack", "high", "mandatory", false],
    });
  });

  it("describes itself to the engine with types, severities, config schemas and remediation steps", async () => {
    const info = await analyzerInfo();
    expect(info.getName()).toBe(packName);
    expect(info.getVersion()).toBe(readJson("policies/package.json").version);
    const described = info.getPoliciesList();
    expect(described.map((p) => p.getName())).toEqual(policies.map((p) => p.name));
    const region = described.find((p) => p.getName() === "codepipeline-artifact-store-region") as analyzerPb.PolicyInfo;
    expect(region.getPolicyType()).toBe(analyzerPb.PolicyType.POLICY_TYPE_RESOURCE);
    expect(region.getSeverity()).toBe(analyzerPb.PolicySeverity.POLICY_SEVERITY_CRITICAL);
    expect(region.getEnforcementlevel()).toBe(analyzerPb.EnforcementLevel.MANDATORY);
    expect(region.getConfigschema()?.getProperties()?.toJavaScript()).toHaveProperty("pipelineRegion.type", "string");
    expect(region.getFramework()?.getName()).toBe("NIST SP 800-53");
    for (const [name, phrases] of Object.entries(CORE_REMEDIATIONS)) {
      const steps = described.find((p) => p.getName() === name)?.getRemediationSteps();
      for (const phrase of phrases) {
        expect({ name, steps }).toEqual({ name, steps: expect.stringContaining(phrase) });
      }
    }
    const ecs = described.find((p) => p.getName() === "ecs-deploy-target-in-stack") as analyzerPb.PolicyInfo;
    expect(ecs.getPolicyType()).toBe(analyzerPb.PolicyType.POLICY_TYPE_STACK);
  });
});
