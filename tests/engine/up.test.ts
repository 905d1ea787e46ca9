// `pulumi up` on the model provider: mandatory violations block, remediations are applied; then the
// stack's export through `pulumi policy analyze` and through `check --state` give the same verdicts.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCheck } from "../../checker";
import { disagreements, verdictFromReport } from "../../engine/conformance/compare";
import { verdictFromEventLog } from "../../engine/conformance/events";
import { exportAndAnalyze } from "../../engine/conformance/analyze";
import { runThroughEngine } from "../../engine/conformance/preview";
import { rootStackUrn } from "../../checker/urn";
import { descriptions, describeEngine, ENGINE_TIMEOUT_MS, KIT_ROOT, requireEngine } from "./harness";

const policies = path.join(KIT_ROOT, "policies");

function fixture(name: string): { label: string; project: string; entry: string; stack: string } {
  return { label: `up-${name}`, project: name, entry: path.join(KIT_ROOT, "fixtures", name, "index.ts"), stack: "dev" };
}

interface ExportedResource {
  urn: string;
  type: string;
  inputs?: Record<string, unknown>;
}

function exportedResources(file: string): ExportedResource[] {
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { deployment: { resources?: ExportedResource[] } }).deployment.resources ?? [];
}

async function analyzeAgainstChecker(
  workDir: string,
  project: string,
  policyPackConfig?: string,
): Promise<{ disagreements: string[]; exportFile: string; exitCode: number }> {
  const analyzed = await exportAndAnalyze(requireEngine(), workDir, "dev", policies, policyPackConfig);
  const report = await runCheck({ state: analyzed.exportFile, policyPack: policies, policyPackConfig });
  const engineVerdict = verdictFromEventLog(analyzed.eventLog, descriptions, rootStackUrn("dev", project));
  return {
    disagreements: disagreements(engineVerdict, verdictFromReport(report)),
    exportFile: analyzed.exportFile,
    exitCode: analyzed.exitCode,
  };
}

describeEngine("pulumi up on the model provider", () => {
  it(
    "a mandatory violation blocks the update: the violating pipeline is never created",
    async () => {
      const run = await runThroughEngine(requireEngine(), fixture("github-v1-oauth"), { command: "up" });
      expect(run.exitCode).not.toBe(0);
      expect(run.eventLog).toContain('"policyName":"codepipeline-no-github-v1-source"');
      const analyzed = await analyzeAgainstChecker(run.workDir, "github-v1-oauth");
      expect(exportedResources(analyzed.exportFile).some((r) => r.type === "aws:codepipeline/pipeline:Pipeline")).toBe(false);
      expect(analyzed.disagreements).toEqual([]);
    },
    ENGINE_TIMEOUT_MS,
  );

  it(
    "a remediate-level policy fixes the pipeline before it is created; policy analyze and check --state agree on the export",
    async () => {
      const config = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "engine-up-")), "policy-config.json");
      fs.writeFileSync(config, JSON.stringify({ "codepipeline-artifact-store-region": "remediate" }));
      const run = await runThroughEngine(requireEngine(), fixture("artifact-store-region"), { command: "up", policyPackConfig: config });
      expect(run.exitCode).toBe(0);
      expect(run.eventLog).toContain('"policyRemediationEvent"');
      const analyzed = await analyzeAgainstChecker(run.workDir, "artifact-store-region", config);
      const pipeline = exportedResources(analyzed.exportFile).find((r) => r.type === "aws:codepipeline/pipeline:Pipeline");
      const stores = (pipeline?.inputs?.artifactStores ?? []) as Array<Record<string, unknown>>;
      expect(stores).toHaveLength(1);
      expect(stores[0]).not.toHaveProperty("region");
      expect(analyzed.disagreements).toEqual([]);
      expect(analyzed.exitCode).toBe(0);
    },
    ENGINE_TIMEOUT_MS,
  );

  it(
    "the reference pipeline deploys with no finding, and its export analyzes clean on both sides",
    async () => {
      const run = await runThroughEngine(
        requireEngine(),
        {
          label: "up-reference",
          project: "pipeline-compliance-kit",
          entry: path.join(KIT_ROOT, "stack", "index.ts"),
          stack: "dev",
          projectFile: path.join(KIT_ROOT, "Pulumi.yaml"),
          stackConfigFile: path.join(KIT_ROOT, "Pulumi.dev.yaml"),
        },
        { command: "up" },
      );
      expect(run.exitCode).toBe(0);
      const analyzed = await analyzeAgainstChecker(run.workDir, "pipeline-compliance-kit");
      expect(analyzed.disagreements).toEqual([]);
    },
    ENGINE_TIMEOUT_MS,
  );
});
