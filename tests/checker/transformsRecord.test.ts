// The engine's side of transforms in process: the monitor wrapper, the transform pipeline and the
// callback client against a scripted callback server (the part of the program's SDK that answers
// TransformRequests).
import * as aliasproto from "@pulumi/pulumi/proto/alias_pb";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { RESOURCE_SIG, SIG_KEY, UNKNOWN } from "../../checker/record/properties";
import { CallbackServer, done, harness, output, registration, resourceTransform, secret, type Harness } from "./transformsMonitor";

const STACK = "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev";
const urn = (qualifiedType: string, name: string): string => `urn:pulumi:dev::proj::${qualifiedType}::${name}`;
const DEP = urn("test:index:Other", "dep");

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
    // The slow transform answers only once the test lets it: the fast registration is done by then.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = registration("test:index:Thing", "slow", STACK, true);
    slow.setTransformsList([
      server.callback("slow", async (bytes) => {
        await held;
        return slowAnswer(bytes);
      }),
    ]);
    const slowDone = h.register(slow);
    const fastDone = h.register(registration("test:index:Thing", "fast", STACK, true));
    h.monitor.registerResourceOutputs({ getUrn: () => STACK, getOutputs: () => Struct.fromJavaScript({ out: 1 }) }, done());
    expect(h.recorder.resources.map((r) => r.name)).toEqual(["proj-dev"]);
    await fastDone;
    release();
    await slowDone;
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
