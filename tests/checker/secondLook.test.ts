// The second look's pure parts: which first-look findings it may add to, how its findings are marked,
// that the conformance comparison leaves them out, and what a deployed resource's outputs are.
import { disagreements, verdictFromReport } from "../../engine/conformance/compare";
import { withViolations } from "../../checker/analyze/interpret";
import { stackProperties } from "../../checker/analyze/session";
import { deployedOutputs, deploymentOf, isDeployed } from "../../checker/record/deployed";
import { Recorder } from "../../checker/record/recorder";
import {
  assumedOutputsOf,
  CORE_POLICIES,
  firstLookOnly,
  SECOND_LOOK_PREFIX,
  secondLookFindings,
  undecidedCore,
} from "../../checker/secondLook";
import type { CheckReport, Recording } from "../../checker/types";
import { createdOutputs } from "../../model";
import { recordedResource } from "./recordedResource";
import { finding, sampleReport } from "./sampleReport";

const pipelineUrn = "urn:pulumi:dev::p::aws:codepipeline/pipeline:Pipeline::pipeline";
const connectionUrn = "urn:pulumi:dev::p::aws:codestarconnections/connection:Connection::github";
const providerUrn = "urn:pulumi:dev::p::pulumi:providers:aws::default";
const componentUrn = "urn:pulumi:dev::p::my:index:Component::parts";

const recording: Recording = {
  project: "p",
  stack: "dev",
  entry: "index.ts",
  invokes: [],
  resources: [
    recordedResource(providerUrn),
    recordedResource(connectionUrn),
    recordedResource(componentUrn, { custom: false }),
    recordedResource(pipelineUrn, { dependencies: [connectionUrn, providerUrn, componentUrn, connectionUrn] }),
  ],
};

const onPipeline = { resourceType: "aws:codepipeline/pipeline:Pipeline", resourceName: "pipeline", urn: pipelineUrn };
const undecidedV1 = finding({
  ...onPipeline,
  policy: "codepipeline-no-github-v1-source",
  enforcementLevel: "advisory",
  message: "[undecided] stages is unknown",
});
const first: CheckReport = { ...sampleReport, undecided: [...sampleReport.undecided, undecidedV1] };

describe("second look", () => {
  it("is needed only for core policies the first look left undecided", () => {
    expect(undecidedCore(sampleReport).size).toBe(0);
    expect([...undecidedCore(first)]).toEqual([`codepipeline-no-github-v1-source\u0000${pipelineUrn}`]);
    expect(CORE_POLICIES).toHaveLength(5);
  });

  it("names the custom resources whose outputs it assumed, not providers or components", () => {
    expect(assumedOutputsOf(recording, pipelineUrn)).toEqual(["github"]);
    expect(assumedOutputsOf(recording, "urn:unknown")).toEqual([]);
  });

  it("keeps only violations of a core policy on a resource the first look left undecided, marked and prefixed", () => {
    const second: CheckReport = {
      ...sampleReport,
      violations: [
        finding({ ...onPipeline, policy: "codepipeline-no-github-v1-source", message: "uses GitHub version 1" }),
        // Decided by the first look already (not undecided there), or not a core policy: left out.
        finding({ ...onPipeline, policy: "codepipeline-artifact-store-region", message: "region" }),
        finding({ ...onPipeline, policy: "codepipeline-action-order", message: "order" }),
        finding({ policy: "codepipeline-no-github-v1-source", message: "other resource" }),
      ],
    };
    const found = secondLookFindings(undecidedCore(first), second, recording);
    expect(found).toEqual([{ ...second.violations[0], secondLook: true, message: `${SECOND_LOOK_PREFIX}github] uses GitHub version 1` }]);
    const noDependencies = { ...recording, resources: recording.resources.map((r) => ({ ...r, dependencies: [] })) };
    expect(secondLookFindings(undecidedCore(first), second, noDependencies)[0].message).toBe(
      `${SECOND_LOOK_PREFIX}the stack's resources] uses GitHub version 1`,
    );

    const merged = withViolations(first, found);
    expect(merged.undecided).toEqual(first.undecided);
    expect(merged.violations.map((v) => v.policy)).toEqual(["codepipeline-no-github-v1-source", "bucket-has-tags", "no-inline-versioning"]);
    expect(withViolations(first, [])).toBe(first);
    expect(firstLookOnly(merged.violations)).toHaveLength(first.violations.length);
    expect(firstLookOnly(merged.violations)).toEqual(expect.arrayContaining(first.violations));
  });

  it("is left out of the engine comparison, which compares first-look findings only", () => {
    const found = secondLookFindings(
      undecidedCore(first),
      { ...sampleReport, violations: [finding({ ...onPipeline, policy: "codepipeline-no-github-v1-source" })] },
      recording,
    );
    const merged = withViolations(first, found);
    expect(disagreements(verdictFromReport(first), verdictFromReport(merged))).toEqual([]);
    // Without the marker the same finding would be compared, and disagree with the engine's first preview.
    const unmarked = { ...merged, violations: merged.violations.map(({ secondLook: _, ...f }) => f) };
    expect(disagreements(verdictFromReport(first), verdictFromReport(unmarked))).toEqual([
      `checker only: violation mandatory codepipeline-no-github-v1-source on ${pipelineUrn}: ${found[0].message}`,
    ]);
  });

  it("synthesizes deployed outputs with the model's createdOutputs, in the stack's region", () => {
    expect(deploymentOf({ values: {}, secretKeys: [] })).toEqual({ region: "us-east-1" });
    const deployment = deploymentOf({ values: { "aws:region": "eu-west-1" }, secretKeys: [] });
    expect(deployment).toEqual({ region: "eu-west-1" });
    const type = "aws:codestarconnections/connection:Connection";
    expect(deployedOutputs(type, "github", { providerType: "GitHub" }, deployment)).toEqual(
      createdOutputs(type, "github", { providerType: "GitHub" }, { region: "eu-west-1" }),
    );
    expect(deployedOutputs(type, "github", {}, deployment).outputs.arn).toBe(
      "arn:aws:codestarconnections:eu-west-1:123456789012:connection/github",
    );
    expect([isDeployed(type, true), isDeployed("pulumi:providers:aws", true), isDeployed("my:index:Component", false)]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it("lets AnalyzeStack see a deployed resource's outputs under its final inputs", () => {
    const bucket = {
      ...recordedResource("urn:b", { type: "aws:s3/bucket:Bucket", name: "b" }),
      outputs: { bucket: "b", arn: "arn:aws:s3:::b", tags: { a: "1" } },
    };
    const final = { tags: { a: "2" } };
    expect(stackProperties({ ...recording, deployed: true }, bucket, final)).toEqual({
      bucket: "b",
      arn: "arn:aws:s3:::b",
      tags: { a: "2" },
    });
    expect(stackProperties(recording, bucket, final)).toBe(final);
    expect(stackProperties({ ...recording, snapshot: true }, bucket, final)).toBe(bucket.outputs);
    const component = { ...bucket, custom: false, outputs: { x: 1 } };
    expect(stackProperties({ ...recording, deployed: true }, component, final)).toBe(final);
  });

  it("records a deployed resource's outputs in the second look, and its inputs otherwise", () => {
    const request = {
      getType: () => "aws:ecs/cluster:Cluster",
      getName: () => "app",
      getParent: () => "",
      getCustom: () => true,
      getRemote: () => false,
      getObject: () => ({ toJavaScript: () => ({ settings: [] }) }),
      getProtect: () => false,
      getDependenciesList: () => [],
      getProvider: () => "",
      getPropertydependenciesMap: () => ({ forEach: () => undefined }),
      getDeletebeforereplace: () => false,
      getDeletebeforereplacedefined: () => false,
      getVersion: () => "",
      getIgnorechangesList: () => [],
      getAdditionalsecretoutputsList: () => [],
      getAliasesList: () => [],
      getCustomtimeouts: () => undefined,
      getStacktrace: () => undefined,
    };
    const config = { values: {}, secretKeys: [] };
    const deployed = new Recorder("p", "dev", "index.ts", "/tmp", config, deploymentOf(config));
    deployed.register(request);
    const cluster = deployed.recording().resources.find((r) => r.name === "app");
    expect(cluster?.outputs).toEqual({ settings: [], name: "app", arn: "arn:aws:ecs:us-east-1:123456789012:cluster/app", id: "app" });
    expect(deployed.recording().deployed).toBe(true);
    const plain = new Recorder("p", "dev", "index.ts", "/tmp", config);
    plain.register(request);
    expect(plain.recording().resources.find((r) => r.name === "app")?.outputs).toEqual({ settings: [] });
    expect(plain.recording().deployed).toBeUndefined();
  });
});
