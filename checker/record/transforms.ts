// The program's transforms, run the way the engine's resource monitor runs them (pkg/resource/deploy/
// source_eval.go, RegisterResource and Invoke) before a registration is recorded. The SDK does not run
// `transforms` itself: it registers each as a callback on its callback server and sends the callbacks
// (a resource's own in RegisterResourceRequest.transforms, stack transforms and invoke transforms
// through RegisterStackTransform / RegisterStackInvokeTransform); the engine calls them. Here the
// checker plays the engine's part and rewrites the request in place to what the engine registers.
import * as path from "path";
import type * as aliasproto from "@pulumi/pulumi/proto/alias_pb";
import type * as resproto from "@pulumi/pulumi/proto/resource_pb";
import type * as structproto from "google-protobuf/google/protobuf/struct_pb";
import { loadModule } from "../load";
import type { CallbackClients, CallbackRef } from "./callbacks";
import { invokeTransformArgs, outputDependencies, registeredProperties, transformProperties } from "./transformValues";

type Wire = Record<string, unknown>;

interface Protos {
  res: typeof resproto;
  alias: typeof aliasproto;
  struct: typeof structproto;
}

function copyInto<V>(
  from: { forEach(cb: (value: V, key: string) => void): void },
  to: { clear(): void; set(key: string, value: V): unknown },
): void {
  to.clear();
  from.forEach((value, key) => to.set(key, value));
}

/** One transform's request, and how to read what it returned: the properties (or arguments) and options. */
interface Step<O> {
  request: { serializeBinary(): Uint8Array };
  reply(bytes: Uint8Array): { values: structproto.Struct | undefined; options: O | undefined };
}

/** The transforms a program registered, and what running them makes of its registrations and invokes. */
export class Transforms {
  private readonly stack: CallbackRef[] = [];
  private readonly invokes: CallbackRef[] = [];
  /** Each resource's own transforms by URN: the engine also runs them on the resource's descendants. */
  private readonly own = new Map<string, CallbackRef[]>();
  /** Parent by URN, kept once some resource has transforms of its own: only its descendants need the chain. */
  private readonly parents = new Map<string, string>();
  private protos?: Protos;

  /** `sdkDir` is the program's own @pulumi/pulumi, whose message classes the requests are instances of. */
  constructor(
    private readonly sdkDir: string,
    private readonly callbacks: Pick<CallbackClients, "invoke">,
  ) {}

  private load(): Protos {
    if (!this.protos) {
      const protoDir = path.join(this.sdkDir, "proto");
      this.protos = {
        res: loadModule(path.join(protoDir, "resource_pb")) as typeof resproto,
        alias: loadModule(path.join(protoDir, "alias_pb")) as typeof aliasproto,
        struct: loadModule(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [protoDir] })) as typeof structproto,
      };
    }
    return this.protos;
  }

  /** A stack transform (`registerResourceTransform`): runs on every resource registered after it. */
  addResourceTransform(callback: CallbackRef): void {
    this.stack.push(callback);
  }

  /** An invoke transform (`registerInvokeTransform`): runs on every invoke made after it. */
  addInvokeTransform(callback: CallbackRef): void {
    this.invokes.push(callback);
  }

  /** Whether some registration may have transforms to run besides its own: a stack transform or a parent's. */
  get active(): boolean {
    return this.stack.length > 0 || this.own.size > 0;
  }

  /** Whether invokes go through transforms: false until the program registers an invoke transform. */
  get transformsInvokes(): boolean {
    return this.invokes.length > 0;
  }

  /**
   * The transforms the engine runs on this registration, in its order: the resource's own, then its
   * parents' (innermost first, up to the root), then the stack's as registered so far. Remembers the
   * resource's own for its descendants. Costs two lookups when the program has no transform.
   */
  plan(req: resproto.RegisterResourceRequest, urn: string): CallbackRef[] {
    const ownList = req.getTransformsList();
    if (ownList.length > 0) {
      this.own.set(urn, ownList);
    }
    if (this.own.size === 0) {
      return this.stack.length > 0 ? [...this.stack] : [];
    }
    const parent = req.getParent();
    this.parents.set(urn, parent);
    const list: CallbackRef[] = [...ownList];
    for (let p: string | undefined = parent; p; p = this.parents.get(p)) {
      list.push(...(this.own.get(p) ?? []));
    }
    list.push(...this.stack);
    return list;
  }

  /** Runs `transforms` in turn as the engine chains them: each is sent what the one before returned. */
  private async chain<O>(
    transforms: readonly CallbackRef[],
    values: Wire,
    options: O,
    step: (values: Wire, options: O) => Step<O>,
  ): Promise<[Wire, O]> {
    for (const transform of transforms) {
      const { request, reply } = step(values, options);
      const response = reply(await this.callbacks.invoke(transform, request.serializeBinary()));
      values = response.values?.toJavaScript() ?? values;
      options = response.options ?? options;
    }
    return [values, options];
  }

  /** Runs `transforms` (from plan) on the registration and rewrites it to what the engine registers. */
  async resource(req: resproto.RegisterResourceRequest, transforms: readonly CallbackRef[]): Promise<void> {
    const { res, struct } = this.load();
    // Only a resource's own transforms make the engine attach property dependencies and, afterwards,
    // rebuild the dependencies from what the transforms returned.
    const hasOwn = req.getTransformsList().length > 0;
    const initial = transformProperties(req.getObject()?.toJavaScript() ?? {}, hasOwn ? propertyDependencies(req) : undefined);
    const [props, opts] = await this.chain(transforms, initial, this.options(req), (values, options) => {
      const request = new res.TransformRequest();
      request.setType(req.getType());
      request.setName(req.getName());
      request.setCustom(req.getCustom());
      request.setParent(req.getParent());
      request.setProperties(struct.Struct.fromJavaScript(values as never));
      request.setOptions(options);
      return {
        request,
        reply: (bytes) => {
          const response = res.TransformResponse.deserializeBinary(bytes);
          return { values: response.getProperties(), options: response.getOptions() };
        },
      };
    });
    this.rewrite(req, props, opts, hasOwn);
  }

  /** The options a transform is sent, built from the request as the engine builds them. */
  private options(req: resproto.RegisterResourceRequest): resproto.TransformResourceOptions {
    const { res, alias } = this.load();
    const opts = new res.TransformResourceOptions();
    opts.setDependsOnList(req.getDependenciesList());
    if (req.hasProtect()) {
      opts.setProtect(req.getProtect() === true);
    }
    opts.setIgnoreChangesList(req.getIgnorechangesList());
    opts.setReplaceOnChangesList(req.getReplaceonchangesList());
    opts.setVersion(req.getVersion());
    const urnAliases = req.getAliasurnsList().map((urn) => new alias.Alias().setUrn(urn));
    opts.setAliasesList([...urnAliases, ...req.getAliasesList()]);
    opts.setProvider(resolvedProvider(req));
    copyInto(req.getProvidersMap(), opts.getProvidersMap());
    const timeouts = req.getCustomtimeouts();
    if (timeouts) {
      opts.setCustomTimeouts(timeouts);
    }
    opts.setPluginDownloadUrl(req.getPlugindownloadurl());
    if (req.hasRetainondelete()) {
      opts.setRetainOnDelete(req.getRetainondelete() === true);
    }
    opts.setDeletedWith(req.getDeletedwith());
    // The Go SDK never sets "defined", so the engine also takes a true value on its own.
    if (req.getDeletebeforereplacedefined() || req.getDeletebeforereplace()) {
      opts.setDeleteBeforeReplace(req.getDeletebeforereplace());
    }
    opts.setAdditionalSecretOutputsList(req.getAdditionalsecretoutputsList());
    copyInto(req.getPluginchecksumsMap(), opts.getPluginChecksumsMap());
    return opts;
  }

  private rewrite(req: resproto.RegisterResourceRequest, props: Wire, opts: resproto.TransformResourceOptions, hasOwn: boolean): void {
    const { res, struct } = this.load();
    req.setObject(struct.Struct.fromJavaScript(registeredProperties(props) as never));
    if (opts.hasProtect()) {
      req.setProtect(opts.getProtect() === true);
    } else {
      req.clearProtect();
    }
    req.setIgnorechangesList(opts.getIgnoreChangesList());
    req.setReplaceonchangesList(opts.getReplaceOnChangesList());
    req.setVersion(opts.getVersion());
    req.setAliasurnsList([]);
    req.setAliasesList(opts.getAliasesList());
    req.setProvider(opts.getProvider());
    copyInto(opts.getProvidersMap(), req.getProvidersMap());
    req.setCustomtimeouts(opts.getCustomTimeouts());
    req.setPlugindownloadurl(opts.getPluginDownloadUrl());
    if (opts.hasRetainOnDelete()) {
      req.setRetainondelete(opts.getRetainOnDelete() === true);
    } else {
      req.clearRetainondelete();
    }
    req.setDeletedwith(opts.getDeletedWith());
    req.setDeletebeforereplace(opts.getDeleteBeforeReplace() === true);
    req.setDeletebeforereplacedefined(opts.hasDeleteBeforeReplace());
    req.setAdditionalsecretoutputsList(opts.getAdditionalSecretOutputsList());
    copyInto(opts.getPluginChecksumsMap(), req.getPluginchecksumsMap());
    if (!hasOwn) {
      return;
    }
    // What the SDK returns from a transform carries no output values, so property dependencies survive
    // only where a transform passed the engine's own value back; the rest is depends-on.
    const all = new Set(opts.getDependsOnList());
    const byKey = req.getPropertydependenciesMap();
    byKey.clear();
    for (const [key, value] of Object.entries(props)) {
      const urns = [...outputDependencies(value)];
      urns.forEach((u) => all.add(u));
      byKey.set(key, new res.RegisterResourceRequest.PropertyDependencies().setUrnsList(urns));
    }
    req.setDependenciesList([...all]);
  }

  /** Runs the invoke transforms on an invoke and rewrites it to what the engine asks the provider. */
  async invoke(req: resproto.ResourceInvokeRequest): Promise<void> {
    const { res, struct } = this.load();
    const initial = new res.TransformInvokeOptions();
    initial.setProvider(req.getProvider());
    initial.setVersion(req.getVersion());
    initial.setPluginDownloadUrl(req.getPlugindownloadurl());
    copyInto(req.getPluginchecksumsMap(), initial.getPluginChecksumsMap());
    const sent = invokeTransformArgs(req.getArgs()?.toJavaScript() ?? {});
    const [args, opts] = await this.chain([...this.invokes], sent, initial, (values, options) => {
      const request = new res.TransformInvokeRequest();
      request.setToken(req.getTok());
      request.setArgs(struct.Struct.fromJavaScript(values as never));
      request.setOptions(options);
      return {
        request,
        reply: (bytes) => {
          const response = res.TransformInvokeResponse.deserializeBinary(bytes);
          return { values: response.getArgs(), options: response.getOptions() };
        },
      };
    });
    req.setArgs(struct.Struct.fromJavaScript(registeredProperties(args) as never));
    req.setProvider(opts.getProvider());
    req.setVersion(opts.getVersion());
    req.setPlugindownloadurl(opts.getPluginDownloadUrl());
    copyInto(opts.getPluginChecksumsMap(), req.getPluginchecksumsMap());
  }
}

/**
 * What each property depends on, as the engine reads it from the request: the per-property map, or,
 * when the SDK sent none, every dependency for every property.
 */
function propertyDependencies(req: resproto.RegisterResourceRequest): Map<string, string[]> {
  const result = new Map<string, string[]>();
  const map = req.getPropertydependenciesMap();
  if (map.getLength() === 0 && !req.getRemote()) {
    const all = req.getDependenciesList();
    for (const key of Object.keys(req.getObject()?.toJavaScript() ?? {})) {
      result.set(key, all);
    }
  } else {
    map.forEach((deps, key) => result.set(key, deps.getUrnsList()));
  }
  return result;
}

/** The provider reference the engine puts in a transform's options: the explicit one or the package's entry in `providers`. */
function resolvedProvider(req: resproto.RegisterResourceRequest): string {
  if (!req.getCustom() && !req.getRemote()) {
    return req.getProvider();
  }
  return req.getProvider() || req.getProvidersMap().get(req.getType().split(":")[0]) || "";
}
