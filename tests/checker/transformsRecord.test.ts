// The engine's side of transforms in process: the monitor wrapper, the transform pipeline and the
// callback client against a scripted callback server (the part of the program's SDK that answers
// TransformRequests), plus the wire-value conversions around a transform.
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import * as aliasproto from "@pulumi/pulumi/proto/alias_pb";
import * as callbackproto from "@pulumi/pulumi/proto/callback_pb";
import { CallbacksService } from "@pulumi/pulumi/proto/callback_grpc_pb";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { ArrivalOrder } from "../../checker/record/arrival";
import { recordThrough, type MockMonitor } from "../../checker/record/monitor";
import { OUTPUT_SIG, RESOURCE_SIG, SECRET_SIG, SIG_KEY, UNKNOWN } from "../../checker/record/properties";
import { Recorder } from "../../checker/record/recorder";
import { invokeTransformArgs, outputDependencies, registeredProperties, transformProperties } from "../../checker/record/transformValues";

const SDK_DIR = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const STACK = "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev";
const urn = (qualifiedType: string, name: string): string => `urn:pulumi:dev::proj::${qualifiedType}::${name}`;
const DEP = urn("test:index:Other", "dep");
const secret = (value: unknown): Record<string, unknown> => ({ [SIG_KEY]: SECRET_SIG, value });
const output = (fields: Record<string, unknown>): Record<string, unknown> => ({ [SIG_KEY]: OUTPUT_SIG, ...fields });
const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

type Answer = (request: Uint8Array) => Promise<Uint8Array> | Uint8Array;

/** The program's callback server: answers each token with a scripted function, and logs the calls. */
class CallbackServer {
  readonly calls: { token: string; request: Uint8Array }[] = [];
  private readonly answers = new Map<string, Answer>();
  private readonly server = new grpc.Server();
  target = "";

  async start(): Promise<void> {
    this.server.addService(CallbacksService, {
      invoke: (
        call: grpc.ServerUnaryCall<callbackproto.CallbackInvokeRequest, unknown>,
        reply: grpc.sendUnaryData<callbackproto.CallbackInvokeResponse>,
      ) => {
        const token = call.request.getToken();
        const request = call.request.getRequest_asU8();
        this.calls.push({ token, request });
        Promise.resolve()
          .then(() => this.answers.get(token)?.(request) ?? Promise.reject(new Error(`callback not found: ${token}`)))
          .then(
            (bytes) => reply(null, new callbackproto.CallbackInvokeResponse().setResponse(bytes)),
            (e: Error) => reply({ code: grpc.status.UNKNOWN, details: `transform failed: ${e.message}` }),
          );
      },
    });
    const port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
    );
    this.target = `127.0.0.1:${port}`;
  }

  callback(token: string, answer: Answer): callbackproto.Callback {
    this.answers.set(token, answer);
    return new callbackproto.Callback().setToken(token).setTarget(this.target);
  }

  tokens(): string[] {
    return this.calls.map((c) => c.token);
  }

  stop(): void {
    this.server.forceShutdown();
  }
}

/** A resource transform as the SDK answers it; `change` returning undefined means "unchanged". */
function resourceTransform(
  change: (req: resproto.TransformRequest) => { props?: object; opts?: resproto.TransformResourceOptions } | undefined,
): Answer {
  return (bytes) => {
    const req = resproto.TransformRequest.deserializeBinary(bytes);
    const result = change(req);
    const resp = new resproto.TransformResponse();
    resp.setProperties(result?.props ? Struct.fromJavaScript(result.props as never) : req.getProperties());
    resp.setOptions(result?.opts ?? req.getOptions());
    return resp.serializeBinary();
  };
}

function registration(
  type: string,
  name: string,
  parent: string,
  custom: boolean,
  object: Record<string, unknown> = {},
): resproto.RegisterResourceRequest {
  const req = new resproto.RegisterResourceRequest();
  req.setType(type);
  req.setName(name);
  req.setParent(parent);
  req.setCustom(custom);
  req.setObject(Struct.fromJavaScript(object as never));
  return req;
}

interface Harness {
  monitor: MockMonitor;
  recorder: Recorder;
  /** What reached the mock's own registerResource and invoke, in order. */
  registered: resproto.RegisterResourceRequest[];
  invoked: resproto.ResourceInvokeRequest[];
  errors: Error[];
  register(req: resproto.RegisterResourceRequest): Promise<unknown>;
  close(): void;
}

function harness(): Harness {
  const registered: resproto.RegisterResourceRequest[] = [];
  const invoked: resproto.ResourceInvokeRequest[] = [];
  const errors: Error[] = [];
  const monitor: MockMonitor = {
    newUrn: () => "mock-urn",
    registerResource: (req, cb) => {
      registered.push(req);
      cb(null, { setUrn: () => undefined });
    },
    registerResourceOutputs: (_req, cb) => cb(null, {}),
    registerStackTransform: (_req, cb) => cb(null, {}),
    registerStackInvokeTransform: (_req, cb) => cb(null, {}),
    invoke: (req, cb) => {
      invoked.push(req);
      cb(null, {});
    },
  };
  const recorder = new Recorder("proj", "dev", "/prog/index.ts", "/prog", { values: {}, secretKeys: [] });
  const close = recordThrough(monitor, recorder, SDK_DIR, { onRecorded: () => undefined, onError: (e) => errors.push(e) });
  const register = (req: resproto.RegisterResourceRequest): Promise<unknown> =>
    new Promise((resolve) => monitor.registerResource(req, (err) => resolve(err)));
  return { monitor, recorder, registered, invoked, errors, register, close };
}

const done = (): ((err: unknown) => void) => () => undefined;

describe("transforms as the engine's resource monitor runs them", () => {
  let server: CallbackServer;
  let h: Harness;
  beforeEach(async () => {
    server = new CallbackServer();
    await server.start();
    h = harness();
    await h.register(registration("pulumi:pulumi:Stack", "proj-dev", "", false));
  });
  afterEach(() => {
    h.close();
    server.stop();
  });

  it("records at once, without calling anything, while the program has no transform", () => {
    h.monitor.registerResource(registration("test:index:Thing", "plain", STACK, true, { size: 1 }), done());
    expect(h.recorder.resources.map((r) => r.name)).toEqual(["proj-dev", "default", "plain"]);
    expect(h.monitor.newUrn(STACK, "test:index:Thing", "plain")).toBe(urn("test:index:Thing", "plain"));
    expect(server.calls).toEqual([]);
  });

  it("runs own transforms, then the parents' innermost first, then the stack's, sending each the engine's request", async () => {
    const unchanged = resourceTransform(() => undefined);
    h.monitor.registerStackTransform(server.callback("stack", unchanged), done());
    const outer = registration("test:index:Group", "outer", STACK, false);
    outer.setTransformsList([server.callback("outer", unchanged)]);
    await h.register(outer);
    const inner = registration("test:index:Group", "inner", urn("test:index:Group", "outer"), false);
    inner.setTransformsList([server.callback("inner", unchanged)]);
    await h.register(inner);
    expect(server.tokens()).toEqual(["outer", "stack", "inner", "outer", "stack"]);

    server.calls.length = 0;
    const leaf = registration("test:index:Thing", "leaf", urn("test:index:Group$test:index:Group", "inner"), true, {
      hidden: secret("s"),
      pending: UNKNOWN,
      plain: 1,
      ref: { [SIG_KEY]: RESOURCE_SIG, urn: DEP, id: UNKNOWN },
    });
    leaf.setTransformsList([server.callback("own", unchanged)]);
    leaf.setDependenciesList([DEP]);
    leaf.getPropertydependenciesMap().set("plain", new resproto.RegisterResourceRequest.PropertyDependencies().setUrnsList([DEP]));
    leaf.setProtect(true);
    leaf.setVersion("1.2.3");
    leaf.setAdditionalsecretoutputsList(["hidden"]);
    await h.register(leaf);
    expect(server.tokens()).toEqual(["own", "inner", "outer", "stack"]);

    const first = resproto.TransformRequest.deserializeBinary(server.calls[0].request);
    expect([first.getType(), first.getName(), first.getCustom(), first.getParent()]).toEqual([
      "test:index:Thing",
      "leaf",
      true,
      urn("test:index:Group$test:index:Group", "inner"),
    ]);
    // Secrets and unknowns as output values; the resource's own transforms also see each property's dependencies.
    expect(first.getProperties()?.toJavaScript()).toEqual({
      hidden: output({ secret: true, value: "s" }),
      pending: output({}),
      plain: output({ value: 1, dependencies: [DEP] }),
      ref: { [SIG_KEY]: RESOURCE_SIG, urn: DEP, id: "" },
    });
    const opts = first.getOptions();
    expect([
      opts?.getDependsOnList(),
      opts?.getProtect(),
      opts?.getVersion(),
      opts?.getAdditionalSecretOutputsList(),
      opts?.hasDeleteBeforeReplace(),
    ]).toEqual([[DEP], true, "1.2.3", ["hidden"], false]);

    // Unchanged by every transform, the leaf is recorded as declared, its dependencies intact.
    const recorded = h.recorder.resources.find((r) => r.name === "leaf");
    expect(recorded).toMatchObject({
      inputs: { hidden: secret("s"), pending: UNKNOWN, plain: 1, ref: UNKNOWN },
      dependencies: [DEP],
      propertyDependencies: { plain: [DEP] },
      provider: urn("pulumi:providers:test", "default_1_2_3"),
      options: { protect: true, additionalSecretOutputs: ["hidden"] },
    });
    expect(h.registered.at(-1)?.getObject()?.toJavaScript()).toEqual({
      hidden: secret("s"),
      pending: UNKNOWN,
      plain: 1,
      ref: { [SIG_KEY]: RESOURCE_SIG, urn: DEP, id: UNKNOWN },
    });
  });

  it("registers the inputs and options the last transform returned", async () => {
    const explicit = `${urn("pulumi:providers:test", "explicit")}::${UNKNOWN}`;
    h.monitor.registerStackTransform(
      server.callback(
        "stack",
        resourceTransform((req) => {
          const opts = new resproto.TransformResourceOptions();
          opts.setProtect(true);
          opts.setIgnoreChangesList(["tags"]);
          opts.setAliasesList([new aliasproto.Alias().setUrn(urn("test:index:Thing", "old"))]);
          opts.setCustomTimeouts(new resproto.RegisterResourceRequest.CustomTimeouts().setCreate("5m").setDelete("1h"));
          opts.setDeleteBeforeReplace(true);
          opts.setAdditionalSecretOutputsList(["token"]);
          opts.setProvider(explicit);
          opts.setDependsOnList([DEP]);
          return { props: { ...req.getProperties()?.toJavaScript(), encrypted: true, token: secret("t") }, opts };
        }),
      ),
      done(),
    );
    const own = registration("test:index:Thing", "owned", STACK, true, { encrypted: false, size: 2 });
    own.setTransformsList([
      server.callback(
        "own",
        resourceTransform(() => undefined),
      ),
    ]);
    own.setIgnorechangesList(["size"]);
    own.setDeletebeforereplace(false);
    own.setDeletebeforereplacedefined(true);
    await h.register(own);
    const plain = registration("test:index:Thing", "plain", STACK, true, { encrypted: false });
    plain.setDependenciesList(["urn:kept"]);
    await h.register(plain);

    const owned = h.recorder.resources.find((r) => r.name === "owned");
    expect(owned).toMatchObject({
      inputs: { encrypted: true, size: 2, token: secret("t") },
      provider: urn("pulumi:providers:test", "explicit"),
      options: {
        protect: true,
        ignoreChanges: ["tags"],
        aliases: [urn("test:index:Thing", "old")],
        additionalSecretOutputs: ["token"],
        customTimeouts: { createSeconds: 300, updateSeconds: 0, deleteSeconds: 3600 },
        deleteBeforeReplace: true,
      },
      // A resource with transforms of its own gets its dependencies from what they returned.
      dependencies: [DEP],
      propertyDependencies: {},
    });
    // Only stack transforms: the engine keeps the request's dependencies.
    expect(h.recorder.resources.find((r) => r.name === "plain")?.dependencies).toEqual(["urn:kept"]);
    const stackOpts = resproto.TransformRequest.deserializeBinary(server.calls[1].request).getOptions();
    expect([stackOpts?.getIgnoreChangesList(), stackOpts?.hasDeleteBeforeReplace(), stackOpts?.getDeleteBeforeReplace()]).toEqual([
      ["size"],
      true,
      false,
    ]);
  });

  it("records in the order registrations arrived, whatever order their transforms finish in", async () => {
    const slowAnswer = resourceTransform(() => undefined);
    const slow = registration("test:index:Thing", "slow", STACK, true);
    slow.setTransformsList([
      server.callback("slow", async (bytes) => {
        await tick(100);
        return slowAnswer(bytes);
      }),
    ]);
    const pending = [h.register(slow), h.register(registration("test:index:Thing", "fast", STACK, true))];
    h.monitor.registerResourceOutputs({ getUrn: () => STACK, getOutputs: () => Struct.fromJavaScript({ out: 1 }) }, done());
    expect(h.recorder.resources.map((r) => r.name)).toEqual(["proj-dev"]);
    await Promise.all(pending);
    expect(h.recorder.resources.map((r) => r.name)).toEqual(["proj-dev", "default", "slow", "fast"]);
    expect(h.registered.map((r) => r.getName())).toEqual(["proj-dev", "fast", "slow"]);
    expect(h.recorder.resources[0].outputs).toEqual({ out: 1 });
  });

  it("fails the registration with the transform's error, and reports it, without holding up the rest", async () => {
    h.monitor.registerStackTransform(
      server.callback(
        "stack",
        resourceTransform((req) => {
          if (req.getName() === "refused") {
            throw new Error("Error: no");
          }
          return undefined;
        }),
      ),
      done(),
    );
    const err = await h.register(registration("test:index:Thing", "refused", STACK, true));
    expect((err as Error).message).toBe("transform failed: Error: no");
    expect(h.errors.map((e) => e.message)).toEqual([
      "failed to register new resource refused [test:index:Thing]: transform failed: Error: no",
    ]);
    await h.register(registration("test:index:Thing", "accepted", STACK, true));
    expect(h.recorder.resources.map((r) => r.name)).toEqual(["proj-dev", "default", "accepted"]);
  });

  it("asks the provider what the invoke transforms made of an invoke", async () => {
    const lookup = (): resproto.ResourceInvokeRequest => {
      const req = new resproto.ResourceInvokeRequest();
      req.setTok("test:index:lookup");
      req.setArgs(
        Struct.fromJavaScript({ name: "a", token: secret("t"), ref: { [SIG_KEY]: RESOURCE_SIG, urn: DEP, id: UNKNOWN } } as never),
      );
      return req;
    };
    const req = lookup();
    h.monitor.invoke(req, done());
    expect(h.invoked).toEqual([req]);

    h.monitor.registerStackInvokeTransform(
      server.callback("invoke", (bytes) => {
        const request = resproto.TransformInvokeRequest.deserializeBinary(bytes);
        expect(request.getToken()).toBe("test:index:lookup");
        // Invoke arguments are not upgraded to output values; an unknown id is sent as "".
        expect(request.getArgs()?.toJavaScript()).toEqual({
          name: "a",
          token: secret("t"),
          ref: { [SIG_KEY]: RESOURCE_SIG, urn: DEP, id: "" },
        });
        const opts = new resproto.TransformInvokeOptions().setVersion("9.9.9").setProvider(request.getOptions()?.getProvider() ?? "");
        return new resproto.TransformInvokeResponse()
          .setArgs(Struct.fromJavaScript({ ...request.getArgs()?.toJavaScript(), name: "b" } as never))
          .setOptions(opts)
          .serializeBinary();
      }),
      done(),
    );
    await new Promise((resolve) => h.monitor.invoke(lookup(), resolve));
    const sent = h.invoked[1];
    expect(sent.getArgs()?.toJavaScript()).toEqual({
      name: "b",
      token: secret("t"),
      ref: { [SIG_KEY]: RESOURCE_SIG, urn: DEP, id: UNKNOWN },
    });
    expect([sent.getVersion(), sent.getProvider()]).toEqual(["9.9.9", ""]);

    h.monitor.registerStackInvokeTransform(
      server.callback("broken", () => Promise.reject(new Error("Error: nope"))),
      done(),
    );
    const err = await new Promise((resolve) => h.monitor.invoke(lookup(), resolve));
    expect((err as Error).message).toBe("transform failed: Error: nope");
    expect(h.invoked).toHaveLength(2);
  });
});

describe("property values around a transform", () => {
  it("keeps a property that already carries its dependencies, and merges them into one that does not", () => {
    const deps = new Map([
      ["carried", ["u1"]],
      ["partial", ["u1", "u2"]],
      ["none", []],
    ]);
    const props = transformProperties(
      {
        carried: { [SIG_KEY]: OUTPUT_SIG, value: 1, dependencies: ["u1"] },
        partial: { [SIG_KEY]: OUTPUT_SIG, value: 2, dependencies: ["u1"] },
        none: "n",
        absent: "a",
      },
      deps,
    );
    expect(props).toEqual({
      carried: output({ value: 1, dependencies: ["u1"] }),
      partial: output({ value: 2, dependencies: ["u1", "u2"] }),
      none: "n",
      absent: "a",
    });
  });

  it("upgrades nested secrets and every typed unknown, and leaves assets and component references alone", () => {
    const asset = { [SIG_KEY]: "c44067f5952c0a294b673a41bacd8c17", text: "hi" };
    const component = { [SIG_KEY]: RESOURCE_SIG, urn: "urn:c", packageVersion: "1.0.0" };
    expect(
      transformProperties({
        list: [secret({ inner: "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7" })],
        obj: { n: null, asset, component, known: { [SIG_KEY]: RESOURCE_SIG, urn: "urn:x", id: "id-1" } },
      }),
    ).toEqual({
      list: [output({ secret: true, value: { inner: output({}) } })],
      obj: { n: null, asset, component, known: { [SIG_KEY]: RESOURCE_SIG, urn: "urn:x", id: "id-1" } },
    });
  });

  it("collects dependencies from outputs, references, secrets and containers", () => {
    expect([
      ...outputDependencies([
        output({ value: output({ dependencies: ["a"] }), dependencies: ["b", 3] }),
        { [SIG_KEY]: RESOURCE_SIG, urn: "urn:x", id: output({ dependencies: ["c"] }) },
        secret({ x: output({ dependencies: ["d"] }) }),
        { [SIG_KEY]: "c44067f5952c0a294b673a41bacd8c17", path: "p" },
      ]),
    ]).toEqual(["a", "b", "c", "d"]);
  });

  it("downgrades what a transform returned to the form the SDK sends", () => {
    expect(
      registeredProperties({
        known: output({ value: [output({ value: "x", secret: true })], dependencies: ["a"] }),
        unknownSecret: output({ secret: true }),
        nested: secret({ pending: output({}) }),
        refs: [
          { [SIG_KEY]: RESOURCE_SIG, urn: "urn:x", id: "" },
          { [SIG_KEY]: RESOURCE_SIG, urn: "urn:y", id: output({ value: "id-y" }) },
          { [SIG_KEY]: RESOURCE_SIG, urn: "urn:c" },
        ],
      }),
    ).toEqual({
      known: [secret("x")],
      unknownSecret: secret(UNKNOWN),
      nested: secret({ pending: UNKNOWN }),
      refs: [
        { [SIG_KEY]: RESOURCE_SIG, urn: "urn:x", id: UNKNOWN },
        { [SIG_KEY]: RESOURCE_SIG, urn: "urn:y", id: "id-y" },
        { [SIG_KEY]: RESOURCE_SIG, urn: "urn:c" },
      ],
    });
  });

  it("sends invoke arguments as they are but for unknown resource ids", () => {
    const asset = { [SIG_KEY]: "c44067f5952c0a294b673a41bacd8c17", text: "hi" };
    expect(
      invokeTransformArgs({
        s: secret([{ [SIG_KEY]: RESOURCE_SIG, urn: "urn:x", id: UNKNOWN }]),
        u: UNKNOWN,
        o: { asset, c: { [SIG_KEY]: RESOURCE_SIG, urn: "urn:c" } },
      }),
    ).toEqual({
      s: secret([{ [SIG_KEY]: RESOURCE_SIG, urn: "urn:x", id: "" }]),
      u: UNKNOWN,
      o: { asset, c: { [SIG_KEY]: RESOURCE_SIG, urn: "urn:c" } },
    });
  });
});

describe("ArrivalOrder", () => {
  it("runs updates in ticket order and later ones once earlier ones ran", () => {
    const order = new ArrivalOrder();
    const ran: string[] = [];
    const first = order.ticket();
    const second = order.ticket();
    order.then(() => ran.push("after both"));
    order.complete(second, () => ran.push("second"));
    expect(ran).toEqual([]);
    expect(order.idle).toBe(false);
    order.complete(first, () => ran.push("first"));
    expect(ran).toEqual(["first", "second", "after both"]);
    expect(order.idle).toBe(true);
    order.then(() => ran.push("now"));
    expect(ran.at(-1)).toBe("now");
  });
});
