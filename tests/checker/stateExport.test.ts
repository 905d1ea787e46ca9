import { CheckError } from "../../checker/errors";
import { OPAQUE_SECRET, parseStateExport, readStateExport } from "../../checker/record/stateExport";
import { SECRET_SIG, SIG_KEY } from "../../checker/record/properties";

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
        urn: bucketUrn, custom: true, id: "artifacts-1", type: "aws:s3/bucket:Bucket", parent: stackUrn, provider: `${providerUrn}::p-1`,
        protect: true, deleteBeforeReplace: true,
        inputs: { bucket: "artifacts-1", token: { [SIG_KEY]: SECRET_SIG, ciphertext: "AAAB..." } },
        outputs: { arn: "arn:aws:s3:::artifacts-1", cfg: { [SIG_KEY]: SECRET_SIG, plaintext: '{"a":1}' } },
        dependencies: [providerUrn], propertyDependencies: { bucket: [stackUrn], junk: "no" },
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
      parent: stackUrn, provider: providerUrn, custom: true, dependencies: [providerUrn],
      propertyDependencies: { bucket: [stackUrn], junk: [] },
      options: { protect: true, deleteBeforeReplace: true, customTimeouts: { createSeconds: 600, updateSeconds: 0, deleteSeconds: 0 } },
    });
  });

  it.each([
    ["{", "--state state.json: not valid JSON"],
    ['{"version": 2, "deployment": {"resources": []}}', "expected a 'pulumi stack export' document"],
    ['{"version": 3, "deployment": {"resources": [{"urn": "nope", "type": "t"}]}}', "field 'deployment.resources[0].urn' must be a Pulumi URN"],
  ])("rejects %s", (text, message) => {
    expect(errorOf(text)).toContain(message);
  });

  it("names a file it cannot read", () => {
    expect(() => readStateExport("/nonexistent/state.json")).toThrow("--state /nonexistent/state.json: cannot read the file");
  });
});
