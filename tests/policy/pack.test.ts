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
        expect(policies.map((p) => p.name).sort()).toEqual(Object.values(byService).flat().map((p) => p.name).sort());
        expect(packArgs.policies).toEqual(policies);
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
            expect(policy.remediationSteps).toBe(policy.docs.fix);
        }
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
        expect(region.getRemediationSteps()).toContain("Remove `region`");
        const ecs = described.find((p) => p.getName() === "ecs-deploy-target-in-stack") as analyzerPb.PolicyInfo;
        expect(ecs.getPolicyType()).toBe(analyzerPb.PolicyType.POLICY_TYPE_STACK);
    });
});
