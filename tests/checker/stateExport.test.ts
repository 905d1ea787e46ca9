// A `pulumi stack export` judged as `pulumi policy analyze --file` judges it: parsing here, and the whole
// gRPC path with the probe pack (tests/checker/packs/probe), which reports what each request carried.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CheckError } from "../../checker/errors";
import { runCheck } from "../../checker/index";
import { OPAQUE_SECRET, parseStateExport, readStateExport } from "../../checker/record/stateExport";
import { RESOURCE_SIG, SECRET_SIG, SIG_KEY } from "../../checker/record/properties";
import { usePack } from "./packFixture";
import { PROBE_PACK, seenResources, seenStack } from "./probeFindings";

const stackUrn = "urn:pulumi:prod::app::pulumi:pulumi:Stack::app-prod";
const providerUrn = "urn:pulumi:prod::app::pulumi:providers:aws::default_7_48_0";
const bucketUrn = "urn:pulumi:prod::app::aws:s3/bucket:Bucket::artifacts";
const exported = {
  version: 3,
  deployment: {
    manifest: {},
    resources: [
      { urn: stackUrn, custom: false, type: "pulumi:pulumi:Stack", outputs: { bucket: "artifacts-1" } },
      { urn: providerUrn, custom: true, id: "p-1", type: "pulumi:providers:aws", inputs: { region: "eu-west-1" }, outputs: {} },
      {
        urn: bucketUrn,
        custom: true,
        id: "artifacts-1",
        type: "aws:s3/bucket:Bucket",
        parent: stackUrn,
        provider: `${providerUrn}::p-1`,
        protect: true,
        deleteBeforeReplace: true,
        inputs: { bucket: "artifacts-1", token: { [SIG_KEY]: SECRET_SIG, ciphertext: "AAAB..." } },
        outputs: { arn: "arn:aws:s3:::artifacts-1", cfg: { [SIG_KEY]: SECRET_SIG, plaintext: '{"a":1}' } },
        dependencies: [providerUrn],
        propertyDependencies: { bucket: [stackUrn], junk: "no" },
        customTimeouts: { create: 600e9 },
      },
    ],
  },
};

function errorOf(text: string): string {
  try {
    parseStateExport(text, "state.json");
  } catch (e) {
    expect(e).toBeInstanceOf(CheckError);
    return (e as Error).message;
  }
  throw new Error("expected a CheckError");
}

describe("stack export parsing", () => {
  const recording = parseStateExport(JSON.stringify(exported), "state.json");

  it("takes project and stack from the URNs and keeps every resource", () => {
    expect([recording.project, recording.stack, recording.entry]).toEqual(["app", "prod", "state.json"]);
    expect(recording.resources.map((r) => r.name)).toEqual(["app-prod", "default_7_48_0", "artifacts"]);
  });

  it("turns ciphertext into an opaque secret and plaintext into a secret of the parsed value", () => {
    const bucket = recording.resources[2];
    expect(bucket.inputs.token).toEqual({ [SIG_KEY]: SECRET_SIG, value: OPAQUE_SECRET });
    expect(bucket.outputs.cfg).toEqual({ [SIG_KEY]: SECRET_SIG, value: { a: 1 } });
  });

  it("keeps the relations and options the analyzer sees", () => {
    const bucket = recording.resources[2];
    expect(bucket).toMatchObject({
      parent: stackUrn,
      provider: providerUrn,
      custom: true,
      dependencies: [providerUrn],
      propertyDependencies: { bucket: [stackUrn], junk: [] },
      options: { protect: true, customTimeouts: { createSeconds: 600, updateSeconds: 0, deleteSeconds: 0 } },
    });
    // A snapshot resource's analyzer options carry no deleteBeforeReplace (stateToAnalyzerResource).
    expect(bucket.options).not.toHaveProperty("deleteBeforeReplace");
  });

  it("marks the recording as a snapshot and warns that secrets were redacted", () => {
    expect(recording.snapshot).toBe(true);
    expect(recording.warnings).toEqual([
      'could not decrypt secrets in state.json; analyzing with secret values redacted (1 read as "[secret]"; export with --show-secrets to check them)',
    ]);
  });

  it("skips resources pending deletion", () => {
    const doc = {
      version: 3,
      deployment: { resources: [exported.deployment.resources[0], { ...exported.deployment.resources[2], delete: true }] },
    };
    expect(parseStateExport(JSON.stringify(doc), "s.json").resources.map((r) => r.name)).toEqual(["app-prod"]);
  });

  it("reads a resource reference as the referenced resource's id, or a component's URN", () => {
    const doc = {
      version: 3,
      deployment: {
        resources: [
          {
            urn: bucketUrn,
            type: "aws:s3/bucket:Bucket",
            custom: true,
            inputs: {
              key: { [SIG_KEY]: RESOURCE_SIG, urn: "urn:pulumi:prod::app::aws:kms/key:Key::k", id: "key-1", packageVersion: "7.0.0" },
              comp: { [SIG_KEY]: RESOURCE_SIG, urn: "urn:pulumi:prod::app::my:index:Comp::c" },
            },
          },
        ],
      },
    };
    expect(parseStateExport(JSON.stringify(doc), "s.json").resources[0].inputs).toEqual({
      key: "key-1",
      comp: "urn:pulumi:prod::app::my:index:Comp::c",
    });
  });

  it("treats an export without resources as nothing to analyze", () => {
    const empty = parseStateExport('{"version": 3, "deployment": {"manifest": {}}}', "empty.json");
    expect(empty.resources).toEqual([]);
    expect(empty.warnings).toEqual(["empty.json has no resources; nothing to analyze"]);
  });

  it.each([
    ["{", "--state state.json: not valid JSON"],
    ['{"version": 2, "deployment": {"resources": []}}', "expected a 'pulumi stack export' document"],
    [
      '{"version": 3, "deployment": {"resources": [{"urn": "nope", "type": "t"}]}}',
      "field 'deployment.resources[0].urn' must be a Pulumi URN",
    ],
  ])("rejects %s", (text, message) => {
    expect(errorOf(text)).toContain(message);
  });

  const withValue = (where: "inputs" | "outputs", value: unknown): string =>
    JSON.stringify({
      version: 3,
      deployment: { resources: [{ urn: bucketUrn, type: "aws:s3/bucket:Bucket", [where]: { a: [{ s: value }] } }] },
    });
  it.each([
    [
      "a secret with neither ciphertext nor plaintext",
      withValue("inputs", { [SIG_KEY]: SECRET_SIG }),
      "field 'deployment.resources[0].inputs.a[0].s' is a malformed secret: exactly one of 'ciphertext' or 'plaintext' must be given",
    ],
    [
      "a secret with both",
      withValue("inputs", { [SIG_KEY]: SECRET_SIG, ciphertext: "x", plaintext: "1" }),
      "field 'deployment.resources[0].inputs.a[0].s' is a malformed secret",
    ],
    [
      "a plaintext secret that is not JSON",
      withValue("outputs", { [SIG_KEY]: SECRET_SIG, plaintext: "{" }),
      "field 'deployment.resources[0].outputs.a[0].s' is a secret whose 'plaintext' is not JSON",
    ],
  ])("rejects %s, naming the field", (_what, text, message) => {
    expect(errorOf(text)).toContain(message);
  });

  it("names a file it cannot read", () => {
    expect(() => readStateExport("/nonexistent/state.json")).toThrow("--state /nonexistent/state.json: no such file");
  });
});

describe("a stack export through the analyzer, as pulumi policy analyze --file", () => {
  const providerRef = `${providerUrn}::p-1`;
  const state = {
    version: 3,
    deployment: {
      resources: [
        { urn: stackUrn, custom: false, type: "pulumi:pulumi:Stack", outputs: { bucket: "artifacts-1" } },
        {
          urn: providerUrn,
          custom: true,
          id: "p-1",
          type: "pulumi:providers:aws",
          inputs: { region: "eu-west-1", version: "7.48.0" },
          outputs: { region: "eu-west-1", version: "7.48.0" },
        },
        {
          urn: bucketUrn,
          custom: true,
          id: "artifacts-1",
          type: "aws:s3/bucket:Bucket",
          parent: stackUrn,
          provider: providerRef,
          inputs: { bucket: "artifacts-1", forceDestroy: true },
          outputs: { bucket: "artifacts-1", arn: "arn:aws:s3:::artifacts-1", forceDestroy: true },
        },
        {
          urn: "urn:pulumi:prod::app::aws:sns/topic:Topic::alerts",
          custom: true,
          id: "alerts-1",
          type: "aws:sns/topic:Topic",
          parent: stackUrn,
          provider: providerRef,
          inputs: { kmsMasterKeyId: { [SIG_KEY]: SECRET_SIG, ciphertext: "AAAB..." } },
          outputs: {},
        },
        {
          urn: "urn:pulumi:prod::app::aws:s3/bucket:Bucket::old",
          custom: true,
          id: "old-1",
          type: "aws:s3/bucket:Bucket",
          parent: stackUrn,
          provider: providerRef,
          delete: true,
          inputs: { forceDestroy: true },
          outputs: {},
        },
      ],
    },
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pc-state-probe-"));
  const file = path.join(dir, "state.json");
  fs.writeFileSync(file, JSON.stringify(state));

  jest.setTimeout(120_000);
  const pack = usePack({ policyPack: PROBE_PACK, project: "app", stack: "prod" });

  it("sends every resource not pending deletion, providers included, to Analyze and AnalyzeStack", async () => {
    const result = await runCheck({ state: file, pack: pack() });
    const live = ["alerts", "app-prod", "artifacts", "default_7_48_0"];
    expect(result.resources).toBe(4);
    expect([...seenResources(result).keys()].sort()).toEqual(live);
    expect(
      seenStack(result)
        .resources.map((r) => r.name)
        .sort(),
    ).toEqual(live);
    // A resource's provider is the provider's state, its inputs as properties.
    expect(seenResources(result).get("artifacts")?.provider).toEqual({
      urn: providerUrn,
      name: "default_7_48_0",
      props: { region: "eu-west-1", version: "7.48.0" },
    });
  });

  it("reports a remediation without applying it: Analyze sees the original inputs, AnalyzeStack the outputs", async () => {
    const result = await runCheck({ state: file, pack: pack() });
    expect(result.remediated).toEqual([
      {
        policy: "force-destroy-off",
        resourceType: "aws:s3/bucket:Bucket",
        resourceName: "artifacts",
        urn: bucketUrn,
        changes: [{ path: "forceDestroy", before: true, after: false }],
      },
    ]);
    expect(seenResources(result).get("artifacts")?.props.forceDestroy).toBe(true);
    expect(seenStack(result).resources.find((r) => r.name === "artifacts")?.props).toEqual({
      bucket: "artifacts-1",
      arn: "arn:aws:s3:::artifacts-1",
      forceDestroy: true,
    });
    // So the remediate-level policy's own check still fails, at mandatory: `policy analyze` exits non-zero.
    expect(result.violations.filter((v) => v.policy === "force-destroy-off")).toMatchObject([
      { resourceName: "artifacts", enforcementLevel: "mandatory" },
    ]);
  });

  it("hands an undecryptable secret to policies as the string [secret], and says so", async () => {
    const result = await runCheck({ state: file, pack: pack() });
    expect(seenResources(result).get("alerts")?.props.kmsMasterKeyId).toBe(OPAQUE_SECRET);
    expect(result.warnings).toEqual([
      expect.stringMatching(/^could not decrypt secrets in .*state\.json; analyzing with secret values redacted/),
    ]);
  });

  it("analyzes nothing and starts no pack for an export without resources", async () => {
    const empty = path.join(dir, "empty.json");
    fs.writeFileSync(empty, JSON.stringify({ version: 3, deployment: { manifest: {} } }));
    const result = await runCheck({ state: empty, policyPack: "/nonexistent-pack" });
    expect(result).toMatchObject({
      resources: 0,
      violations: [],
      remediated: [],
      warnings: [`${empty} has no resources; nothing to analyze`],
    });
  });
});
