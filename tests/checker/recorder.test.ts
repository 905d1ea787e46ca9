import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import * as aliasproto from "@pulumi/pulumi/proto/alias_pb";
import * as sourceproto from "@pulumi/pulumi/proto/source_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { pathToFileURL } from "url";
import { Recorder } from "../../checker/record/recorder";
import { locationOf, providerUrnOf } from "../../checker/record/registration";
import { SECRET_SIG, SIG_KEY } from "../../checker/record/properties";

const STACK_URN = "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev";

function request(type: string, name: string, custom: boolean, object: Record<string, unknown> = {}): resproto.RegisterResourceRequest {
  const req = new resproto.RegisterResourceRequest();
  req.setType(type);
  req.setName(name);
  req.setCustom(custom);
  req.setObject(Struct.fromJavaScript(object as never));
  return req;
}

function frames(...positions: [string, number][]): sourceproto.StackTrace {
  const trace = new sourceproto.StackTrace();
  trace.setFramesList(
    positions.map(([file, line]) => {
      const pos = new sourceproto.SourcePosition();
      pos.setUri(pathToFileURL(file).toString());
      pos.setLine(line);
      const frame = new sourceproto.StackFrame();
      frame.setPc(pos);
      return frame;
    }),
  );
  return trace;
}

function recorder(): Recorder {
  return new Recorder("proj", "dev", "/prog/index.ts", "/prog", {
    values: { "aws:region": "eu-west-1", "aws:token": "t", "proj:x": "1" },
    secretKeys: ["aws:token"],
  });
}

describe("Recorder", () => {
  it("adds the engine's default provider before the first resource that needs it, with the package config as inputs", () => {
    const rec = recorder();
    rec.register(request("pulumi:pulumi:Stack", "proj-dev", false));
    const bucket = request("aws:s3/bucket:Bucket", "b", true);
    bucket.setParent(STACK_URN);
    bucket.setVersion("7.48.0");
    const urn = rec.register(bucket);
    expect(urn).toBe("urn:pulumi:dev::proj::aws:s3/bucket:Bucket::b");
    const [stack, provider, recorded] = rec.recording().resources;
    expect(stack.urn).toBe(STACK_URN);
    expect(provider).toMatchObject({
      urn: "urn:pulumi:dev::proj::pulumi:providers:aws::default_7_48_0",
      inputs: { region: "eu-west-1", token: { [SIG_KEY]: SECRET_SIG, value: "t" }, version: "7.48.0" },
      parent: "",
    });
    expect(recorded.provider).toBe(provider.urn);
    const second = request("aws:s3/bucket:Bucket", "c", true);
    second.setVersion("7.48.0");
    rec.register(second);
    expect(rec.resources.filter((r) => r.type === "pulumi:providers:aws")).toHaveLength(1);
  });

  it("uses an explicit provider by URN and gives providers and components no provider", () => {
    const rec = recorder();
    const explicit = request("aws:s3/bucket:Bucket", "b", true);
    explicit.setProvider("urn:pulumi:dev::proj::pulumi:providers:aws::west::04da6b54-80e4-46f7-96ec-b56ff0331ba9");
    rec.register(explicit);
    rec.register(request("pulumi:providers:aws", "west", true));
    rec.register(request("my:comp:Thing", "c", false));
    expect(rec.resources.map((r) => [r.name, r.provider])).toEqual([
      ["b", "urn:pulumi:dev::proj::pulumi:providers:aws::west"],
      ["west", ""],
      ["c", ""],
    ]);
  });

  it("records options, dependencies and property dependencies as the analyzer sees them", () => {
    const rec = recorder();
    const req = request("aws:s3/bucket:Bucket", "b", true, { bucket: "x" });
    req.setProtect(true);
    req.setIgnorechangesList(["tags"]);
    req.setAdditionalsecretoutputsList(["arn"]);
    req.setDeletebeforereplace(true);
    req.setDeletebeforereplacedefined(true);
    req.setDependenciesList(["urn:a"]);
    const deps = new resproto.RegisterResourceRequest.PropertyDependencies();
    deps.setUrnsList(["urn:a"]);
    req.getPropertydependenciesMap().set("bucket", deps);
    req.getPropertydependenciesMap().set("empty", new resproto.RegisterResourceRequest.PropertyDependencies());
    const timeouts = new resproto.RegisterResourceRequest.CustomTimeouts();
    timeouts.setCreate("10m");
    req.setCustomtimeouts(timeouts);
    const byUrn = new aliasproto.Alias();
    byUrn.setUrn("urn:old");
    const bySpec = new aliasproto.Alias();
    const spec = new aliasproto.Alias.Spec();
    spec.setName("old-name");
    spec.setNoparent(true);
    bySpec.setSpec(spec);
    req.setAliasesList([byUrn, bySpec, byUrn]);
    rec.register(req);
    const [, r] = rec.resources;
    expect(r.inputs).toEqual({ bucket: "x" });
    expect(r.dependencies).toEqual(["urn:a"]);
    expect(r.propertyDependencies).toEqual({ bucket: ["urn:a"] });
    expect(r.options).toEqual({
      protect: true,
      ignoreChanges: ["tags"],
      aliases: ["urn:old", "urn:pulumi:dev::proj::aws:s3/bucket:Bucket::old-name"],
      additionalSecretOutputs: ["arn"],
      deleteBeforeReplace: true,
      customTimeouts: { createSeconds: 600, updateSeconds: 0, deleteSeconds: 0 },
    });
  });

  it("keeps registered outputs for components only and counts invokes", () => {
    const rec = recorder();
    const stackUrn = rec.register(request("pulumi:pulumi:Stack", "proj-dev", false));
    rec.registerOutputs(stackUrn, { out: 1 });
    rec.registerOutputs("urn:unknown", { out: 2 });
    rec.invoke("aws:index/getRegion:getRegion", true);
    rec.invoke("aws:ec2/getVpc:getVpc", false);
    const recording = rec.recording();
    expect(recording.resources[0].outputs).toEqual({ out: 1 });
    expect(recording.invokes).toEqual([
      { token: "aws:index/getRegion:getRegion", answered: true },
      { token: "aws:ec2/getVpc:getVpc", answered: false },
    ]);
  });

  it("hands an invoke the inputs of its provider: the explicit one, its package's default one, none for the SDK's own", () => {
    const rec = recorder();
    const invoke = (tok: string, provider = ""): resproto.ResourceInvokeRequest => {
      const req = new resproto.ResourceInvokeRequest();
      req.setTok(tok);
      req.setVersion("7.48.0");
      req.setProvider(provider);
      return req;
    };
    rec.register(request("pulumi:providers:aws", "west", true, { region: "us-west-2" }));
    expect(
      rec.invokeProviderInputs(invoke("aws:index/getRegion:getRegion", "urn:pulumi:dev::proj::pulumi:providers:aws::west::id-1")),
    ).toMatchObject({ region: "us-west-2" });
    expect(
      rec.invokeProviderInputs(invoke("aws:index/getRegion:getRegion", "urn:pulumi:dev::proj::pulumi:providers:aws::gone::id-2")),
    ).toEqual({});
    expect(rec.invokeProviderInputs(invoke("aws:index/getRegion:getRegion"))).toEqual({
      region: "eu-west-1",
      token: { [SIG_KEY]: SECRET_SIG, value: "t" },
      version: "7.48.0",
    });
    expect(rec.invokeProviderInputs(invoke("pulumi:pulumi:getResource"))).toEqual({});
    expect(rec.resources.map((r) => r.name)).toEqual(["west", "default_7_48_0"]);
  });

  it("registers a package's default provider for an invoke without a provider, as the engine does", () => {
    const rec = recorder();
    rec.register(request("pulumi:pulumi:Stack", "proj-dev", false));
    const invoke = (tok: string, version: string, provider = ""): resproto.ResourceInvokeRequest => {
      const req = new resproto.ResourceInvokeRequest();
      req.setTok(tok);
      req.setVersion(version);
      req.setProvider(provider);
      return req;
    };
    rec.invoked(invoke("aws:index/getRegion:getRegion", "7.48.0"));
    rec.invoked(invoke("aws:index/getCallerIdentity:getCallerIdentity", "7.48.0"));
    rec.invoked(invoke("aws:index/getPartition:getPartition", "7.48.0", "urn:pulumi:dev::proj::pulumi:providers:aws::west::id-1"));
    rec.invoked(invoke("pulumi:pulumi:getResource", ""));
    const bucket = request("aws:s3/bucket:Bucket", "b", true);
    bucket.setVersion("7.48.0");
    rec.register(bucket);
    expect(rec.resources.map((r) => [r.name, r.provider])).toEqual([
      ["proj-dev", ""],
      ["default_7_48_0", ""],
      ["b", "urn:pulumi:dev::proj::pulumi:providers:aws::default_7_48_0"],
    ]);
    expect(rec.resources[1].inputs).toEqual({ region: "eu-west-1", token: { [SIG_KEY]: SECRET_SIG, value: "t" }, version: "7.48.0" });
  });

  it("gives an explicit provider the version and plugin URL of its registration as inputs, as the engine does", () => {
    const rec = recorder();
    const west = request("pulumi:providers:aws", "west", true, { region: "us-west-2" });
    west.setVersion("7.48.0");
    west.setPlugindownloadurl("https://example.com/plugins");
    rec.register(west);
    rec.register(request("pulumi:providers:random", "r", true, {}));
    const [aws, random] = rec.recording().resources;
    expect(aws.inputs).toEqual({ region: "us-west-2", version: "7.48.0", pluginDownloadURL: "https://example.com/plugins" });
    expect(aws.outputs).toEqual(aws.inputs);
    expect(random.inputs).toEqual({});
  });

  it("marks remote components (built by their provider plugin) as such", () => {
    const rec = recorder();
    const remote = request("awsx:ecs:FargateService", "web", false);
    remote.setRemote(true);
    rec.register(remote);
    rec.register(request("app:index:Local", "local", false));
    expect(rec.recording().resources.map((r) => [r.name, r.remote])).toEqual([
      ["web", true],
      ["local", false],
    ]);
  });
});

describe("registration helpers", () => {
  it("locates a resource at the first stack frame inside the program, skipping SDK and node_modules frames", () => {
    const req = request("t:m:T", "n", true);
    req.setStacktrace(
      frames(["/kit/node_modules/@pulumi/aws/s3/bucket.js", 10], ["/prog/node_modules/lib/x.js", 3], ["/prog/index.ts", 42]),
    );
    expect(locationOf(req, "/prog")).toEqual({ file: "/prog/index.ts", line: 42 });
    expect(locationOf(req, "/elsewhere")).toBeUndefined();
    expect(locationOf(request("t:m:T", "n", true), "/prog")).toBeUndefined();
  });

  it("reads the provider URN out of a provider reference", () => {
    expect(providerUrnOf("urn:pulumi:s::p::pulumi:providers:aws::default::abc-123")).toBe("urn:pulumi:s::p::pulumi:providers:aws::default");
    expect(providerUrnOf("plain")).toBe("plain");
  });
});
