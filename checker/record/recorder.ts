// Collects registrations in engine order and emulates what the engine adds on its own: engine-style
// URNs (the root stack is not part of a child's qualified type) and default providers.
import type { PropertyMap, RecordedInvoke, RecordedResource, Recording } from "../types";
import { makeUrn } from "../urn";
import { inputsOf, locationOf, optionsOf, propertyDependenciesOf, providerUrnOf, type RegistrationRequest } from "./registration";
import { SIG_KEY, SECRET_SIG } from "./properties";
import type { StackConfig } from "./stackConfig";

const PROVIDER_PREFIX = "pulumi:providers:";

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
  ) {}

  private add(resource: RecordedResource): void {
    this.resources.push(resource);
    this.byUrn.set(resource.urn, resource);
  }

  private urn(type: string, name: string, parent: string): string {
    return makeUrn(this.stack, this.project, type, name, parent);
  }

  /** The engine's default provider for a package: inputs are the package's config plus its version. */
  private defaultProvider(pkg: string, version: string): string {
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
    this.add({
      urn, type: `${PROVIDER_PREFIX}${pkg}`, name, custom: true, parent: "", provider: "",
      inputs, outputs: inputs, dependencies: [], propertyDependencies: {},
      options: { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 } },
    });
    return urn;
  }

  register(req: RegistrationRequest): string {
    const type = req.getType();
    const name = req.getName();
    const parent = req.getParent();
    const urn = this.urn(type, name, parent);
    let provider = "";
    if (req.getCustom() && !type.startsWith(PROVIDER_PREFIX)) {
      provider = req.getProvider() ? providerUrnOf(req.getProvider()) : this.defaultProvider(type.split(":")[0], req.getVersion());
    }
    const inputs = inputsOf(req);
    this.add({
      urn, type, name, custom: req.getCustom(), remote: req.getRemote(), parent, provider, inputs,
      outputs: req.getCustom() ? inputs : {},
      dependencies: req.getDependenciesList(),
      propertyDependencies: propertyDependenciesOf(req),
      options: optionsOf(req, (n, t, p) => this.urn(t, n, p)),
      location: locationOf(req, this.programDir),
    });
    return urn;
  }

  registerOutputs(urn: string, outputs: PropertyMap): void {
    const resource = this.byUrn.get(urn);
    if (resource && !resource.custom) {
      resource.outputs = outputs;
    }
  }

  invoke(token: string): void {
    this.invokes.push({ token });
  }

  recording(): Recording {
    return { project: this.project, stack: this.stack, entry: this.entry, resources: this.resources, invokes: this.invokes };
  }
}
