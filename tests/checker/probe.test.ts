// What the engine hands a policy pack for a program, seen from inside the pack (the probe pack reports
// each request as JSON): ConfigureStack's stack tags, the stack's identity and config, the default
// provider of a package that is only invoked, and the version the engine adds to explicit providers.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCheck } from "../../checker/index";
import { PROBE_PACK, seenResources, seenStack } from "./probeFindings";

jest.setTimeout(120_000);

const AWS_VERSION = (JSON.parse(fs.readFileSync(require.resolve("@pulumi/aws/package.json"), "utf8")) as { version: string }).version;
const DEFAULT_AWS = `default_${AWS_VERSION.replace(/[.+-]/g, "_")}`;

function program(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pc-probe-"));
  for (const [name, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe("what a policy pack is told about the stack", () => {
  it("sees the stack tags (Pulumi.yaml's, pulumi:tags config and --stack-tag), project, stack and config", async () => {
    const dir = program({
      "Pulumi.yaml": "name: probe-app\nruntime:\n  name: nodejs\n  options:\n    typescript: true\ndescription: Probe application\n",
      "Pulumi.ci.yaml": 'config:\n  aws:region: eu-west-3\n  pulumi:tags:\n    cost-center: "42"\n    team: from-config\n',
      "index.ts": 'import * as aws from "@pulumi/aws";\nnew aws.s3.Bucket("b");\n',
    });
    const result = await runCheck({
      program: dir,
      policyPack: PROBE_PACK,
      stack: "ci",
      stackTags: ["team=platform", "owner:email=ops@example.com"],
    });
    const seen = seenStack(result);
    expect(seen.tags).toEqual({
      "pulumi:project": "probe-app",
      "pulumi:runtime": "nodejs",
      "pulumi:description": "Probe application",
      "cost-center": "42",
      team: "platform",
      "owner:email": "ops@example.com",
    });
    expect([seen.project, seen.stack, seen.region]).toEqual(["probe-app", "ci", "eu-west-3"]);
  });
});

describe("providers the engine adds or completes", () => {
  it("analyzes the default provider of a package that is only invoked", async () => {
    const dir = program({
      "index.ts": 'import * as aws from "@pulumi/aws";\nexport const region = aws.getRegion().then((r) => r.region);\n',
    });
    const result = await runCheck({ program: dir, policyPack: PROBE_PACK, config: ["aws:region=eu-west-1"] });
    const seen = seenResources(result);
    expect([...seen.values()].map((r) => [r.type, r.name])).toEqual(expect.arrayContaining([["pulumi:providers:aws", DEFAULT_AWS]]));
    expect(seen.get(DEFAULT_AWS)?.props).toEqual({ region: "eu-west-1", version: AWS_VERSION });
    expect(result.resources).toBe(2);
  });

  it("gives an explicit provider its version, in Analyze and in the provider of the resources using it", async () => {
    const dir = program({
      "index.ts": [
        'import * as aws from "@pulumi/aws";',
        'const west = new aws.Provider("west", { region: "us-west-2" });',
        'new aws.s3.Bucket("b", {}, { provider: west });',
        "",
      ].join("\n"),
    });
    const result = await runCheck({ program: dir, policyPack: PROBE_PACK });
    const seen = seenResources(result);
    expect(seen.get("west")?.props).toMatchObject({ region: "us-west-2", version: AWS_VERSION });
    expect(seen.get("b")?.provider).toMatchObject({ name: "west", props: { region: "us-west-2", version: AWS_VERSION } });
    expect([...seen.keys()].some((name) => name.startsWith("default"))).toBe(false);
  });
});
