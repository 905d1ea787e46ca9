// Collects registrations in engine order and emulates what the engine adds on its own: engine-style
// URNs (the root stack is not part of a child's qualified type), default providers (for resources and
// for invokes without an explicit provider, pkg/resource/deploy/default_providers.go), and the
// `version` / `pluginDownloadURL` inputs the engine sets on explicit providers (source_eval.go).
import type { PropertyMap, RecordedInvoke, RecordedResource, Recording } from "../types";
import { makeUrn } from "../urn";
import { inputsOf, locationOf, optionsOf, propertyDependenciesOf, providerUrnOf, type RegistrationRequest } from "./registration";
import { SIG_KEY, SECRET_SIG } from "./properties";
import type { StackConfig } from "./stackConfig";
import { deployedOutputs, isDeployed, type Deployment } from "./deployed";

const PROVIDER_PREFIX = "pulumi:providers:";

/** The parts of a ResourceInvokeRequest the engine uses to pick the invoke's provider. */
export interface InvokeRequest {
  getTok(): string;
  getProvider(): string;
  getVersion(): string;
  getPlugindownloadurl?(): string;
}

/** What the SDK sends besides `version` on a registration: the plugin's download URL. */
function pluginDownloadUrlOf(req: object): string {
  return (req as { getPlugindownloadurl?(): string }).getPlugindownloadurl?.() ?? "";
}

/**
 * A recorded resource with only what `fields` gives it: no parent, provider, properties, dependencies or
 * options, as the engine records what it registers itself (a default provider).
 */
export function bareResource(
  fields: Pick<RecordedResource, "urn" | "type" | "name" | "custom"> & Partial<RecordedResource>,
): RecordedResource {
  const { urn, type, name, custom, ...given } = fields;
  return {
    urn,
    type,
    name,
    custom,
    parent: "",
    provider: "",
    inputs: {},
    outputs: {},
    dependencies: [],
    propertyDependencies: {},
    options: {
      protect: false,
      ignoreChanges: [],
      aliases: [],
      additionalSecretOutputs: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    },
    ...given,
  };
}

export class Recorder {
  readonly resources: RecordedResource[] = [];
  readonly invokes: RecordedInvoke[] = [];
  private readonly byUrn = new Map<string, RecordedResource>();

  constructor(
    readonly project: string,
    readonly stack: string,
    readonly entry: string,
    private readonly programDir: string,
    private readonly config: StackConfig,
    /** Set in the second look: AnalyzeStack sees each custom resource's synthesized created outputs. */
    private readonly deployment?: Deployment,
  ) {}

  private add(resource: RecordedResource): void {
    this.resources.push(resource);
    this.byUrn.set(resource.urn, resource);
  }

  private urn(type: string, name: string, parent: string): string {
    return makeUrn(this.stack, this.project, type, name, parent);
  }

  /** The engine's default provider for a package: inputs are the package's config plus its version. */
  private defaultProvider(pkg: string, version: string, pluginDownloadUrl = ""): string {
    const name = version ? `default_${version.replace(/[.+-]/g, "_")}` : "default";
    const urn = this.urn(`${PROVIDER_PREFIX}${pkg}`, name, "");
    if (this.byUrn.has(urn)) {
      return urn;
    }
    const inputs: PropertyMap = {};
    for (const [key, value] of Object.entries(this.config.values)) {
      if (key.startsWith(`${pkg}:`)) {
        const prop = key.slice(pkg.length + 1);
        inputs[prop] = this.config.secretKeys.includes(key) ? { [SIG_KEY]: SECRET_SIG, value } : value;
      }
    }
    if (version) {
      inputs.version = version;
    }
    if (pluginDownloadUrl) {
      inputs.pluginDownloadURL = pluginDownloadUrl;
    }
    this.add(bareResource({ urn, type: `${PROVIDER_PREFIX}${pkg}`, name, custom: true, inputs, outputs: inputs }));
    return urn;
  }

  /** The engine-style URN of a registration (the root stack is not part of a child's qualified type). */
  urnOf(type: string, name: string, parent: string): string {
    return this.urn(type, name, parent);
  }

  register(req: RegistrationRequest): string {
    const type = req.getType();
    const name = req.getName();
    const parent = req.getParent();
    const urn = this.urn(type, name, parent);
    let provider = "";
    const explicitProvider = req.getCustom() && type.startsWith(PROVIDER_PREFIX);
    if (req.getCustom() && !explicitProvider) {
      provider = req.getProvider()
        ? providerUrnOf(req.getProvider())
        : this.defaultProvider(type.split(":")[0], req.getVersion(), pluginDownloadUrlOf(req));
    }
    const inputs = inputsOf(req);
    if (explicitProvider) {
      // The engine records which plugin an explicit provider binds to in its inputs.
      if (req.getVersion()) {
        inputs.version = req.getVersion();
      }
      if (pluginDownloadUrlOf(req)) {
        inputs.pluginDownloadURL = pluginDownloadUrlOf(req);
      }
    }
    this.add({
      urn,
      type,
      name,
      custom: req.getCustom(),
      remote: req.getRemote(),
      parent,
      provider,
      inputs,
      outputs: this.outputsOf(type, name, req.getCustom(), inputs),
      dependencies: req.getDependenciesList(),
      propertyDependencies: propertyDependenciesOf(req),
      options: optionsOf(req, (n, t, p) => this.urn(t, n, p)),
      location: locationOf(req, this.programDir),
    });
    return urn;
  }

  private outputsOf(type: string, name: string, custom: boolean, inputs: PropertyMap): PropertyMap {
    if (!custom) {
      return {};
    }
    return this.deployment && isDeployed(type, custom) ? deployedOutputs(type, name, inputs, this.deployment).outputs : inputs;
  }

  registerOutputs(urn: string, outputs: PropertyMap): void {
    const resource = this.byUrn.get(urn);
    if (resource && !resource.custom) {
      resource.outputs = outputs;
    }
  }

  /** Records a function call and whether the provider model could answer it. */
  invoke(token: string, answered: boolean): void {
    this.invokes.push({ token, answered });
  }

  /** The inputs of the provider an invoke goes to: the explicit one it names, else its package's default one. */
  invokeProviderInputs(req: InvokeRequest): PropertyMap {
    const reference = req.getProvider();
    const pkg = req.getTok().split(":")[0];
    if (!reference && pkg === "pulumi") {
      return {};
    }
    const urn = reference ? providerUrnOf(reference) : this.defaultProvider(pkg, req.getVersion(), req.getPlugindownloadurl?.() ?? "");
    return this.byUrn.get(urn)?.inputs ?? {};
  }

  /**
   * The engine's side of an invoke request: one without an explicit provider is served by its package's
   * default provider, registered (and so analyzed) at that point if no resource needed it before, so a
   * program that only calls `aws.getRegion()` still has `pulumi:providers:aws::default_<version>`.
   * `pulumi:` invokes are the SDK's own (served by the mock monitor), not a provider package's.
   */
  invoked(req: InvokeRequest): void {
    const pkg = req.getTok().split(":")[0];
    if (!req.getProvider() && pkg && pkg !== "pulumi") {
      this.defaultProvider(pkg, req.getVersion(), req.getPlugindownloadurl?.() ?? "");
    }
  }

  recording(): Recording {
    return {
      project: this.project,
      stack: this.stack,
      entry: this.entry,
      resources: this.resources,
      invokes: this.invokes,
      ...(this.deployment ? { deployed: true } : {}),
    };
  }
}
