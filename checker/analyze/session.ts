// One conversation with a running pack, in the engine's order: Handshake, ConfigureStack (the stack's
// identity, config, secret keys and tags, as NewPolicyAnalyzer sends them when the analyzer starts),
// GetAnalyzerInfo, Configure, then per resource Remediate followed by Analyze on the remediated inputs,
// then AnalyzeStack over everything. A session can analyze several recordings (npm start reuses a pack);
// a recording of another stack re-sends ConfigureStack first, as a fresh engine run would have.
// A stack export (`recording.snapshot`) is judged as `pulumi policy analyze` does: remediations are
// reported, not applied, and AnalyzeStack sees outputs.
// Resources are independent until AnalyzeStack, so several are in flight at once (the checker and the
// pack would otherwise each wait on the other half the time); results keep the registration order.
import type * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import type { EnforcementLevel, PackInfo, PropertyMap, RecordedResource, Recording, Remediated, Severity } from "../types";
import { propertyChanges } from "../report/diff";
import { rootStackUrn } from "../urn";
import { CheckError } from "../errors";
import { AnalyzerConnection, loadProtocol, PackCallError, type AnalyzerCalls, type Protocol } from "./client";
import { reconcilePolicyConfig, type ConfigurablePolicy, type PolicyConfigMap, type ReconciledPolicyConfig } from "./policyConfig";
import type { RawDiagnostic } from "./interpret";

/** Each enforcement level's number in analyzer.proto. */
const LEVEL_NUMBERS: Record<EnforcementLevel, analyzerPb.EnforcementLevel> = { advisory: 0, mandatory: 1, disabled: 2, remediate: 3 };
/** The same table read the other way, for what the pack sends. */
const LEVELS = Object.fromEntries(Object.entries(LEVEL_NUMBERS).map(([level, n]) => [n, level])) as Record<number, EnforcementLevel>;
const SEVERITIES: Record<number, Severity> = { 0: "", 1: "low", 2: "medium", 3: "high", 4: "critical" };

/** Resources in flight at once: at 10k resources on 2 cores, over one connection, 64 analyzed in 12.4-12.9 s, 32 in 13.4-16.3 s, 16 in 15.3 s. */
const ANALYZE_CONCURRENCY = 64;

/** The provider message of a resource, when it names one. */
type ProviderOf = (r: RecordedResource) => analyzerPb.AnalyzerProviderResource | undefined;

export interface AnalyzedRecording {
  resources: number;
  diagnostics: RawDiagnostic[];
  remediated: Remediated[];
}

export interface StackIdentity {
  project: string;
  stack: string;
  organization: string;
  /** Stack config "namespace:key" -> value, as the engine decrypts it for the analyzer. */
  config?: Record<string, string>;
  /** Keys of `config` that are secrets. */
  secretKeys?: string[];
  /** Stack tags (`pulumi:project`, `pulumi:runtime`, ... and the user's). */
  tags?: Record<string, string>;
}

export interface SessionOptions {
  /** Resources in flight at once. */
  concurrency?: number;
  /** Sent with ConfigureStack right after Handshake, as the engine does when it starts the analyzer. */
  stack?: StackIdentity;
}

export class AnalyzerSession {
  private readonly pb: typeof analyzerPb;
  private policies: ConfigurablePolicy[] = [];
  private initialConfig: PolicyConfigMap = {};
  /** The ConfigureStack request last sent, serialized, so an unchanged stack is not configured twice. */
  private configuredStack: string | undefined;
  info: PackInfo = { name: "", version: "", policies: [] };

  private constructor(
    private readonly connection: AnalyzerCalls,
    private readonly protocol: Protocol,
    private readonly concurrency: number,
  ) {
    this.pb = protocol.pb;
  }

  static async open(address: string, packDir: string, options: SessionOptions | number = {}): Promise<AnalyzerSession> {
    const protocol = loadProtocol(packDir);
    return AnalyzerSession.over(new AnalyzerConnection(protocol, address), protocol, packDir, options);
  }

  /** A session over any connection (tests drive one with a scripted pack). */
  static async over(
    connection: AnalyzerCalls,
    protocol: Protocol,
    packDir: string,
    options: SessionOptions | number = {},
  ): Promise<AnalyzerSession> {
    const opts = typeof options === "number" ? { concurrency: options } : options;
    const session = new AnalyzerSession(connection, protocol, opts.concurrency ?? ANALYZE_CONCURRENCY);
    const handshake = new protocol.pb.AnalyzerHandshakeRequest();
    handshake.setRootDirectory(packDir);
    handshake.setProgramDirectory(packDir);
    await session.connection.optional("handshake", handshake);
    if (opts.stack) {
      await session.configureStack(opts.stack);
    }
    await session.readInfo();
    return session;
  }

  /**
   * ConfigureStack with what NewPolicyAnalyzer (sdk/go/common/resource/plugin/analyzer_plugin.go) sends:
   * stack, project, organization, dry run, the decrypted config, its secret keys and the stack tags.
   */
  private async configureStack(stack: StackIdentity): Promise<void> {
    const req = new this.pb.AnalyzerStackConfigureRequest();
    req.setStack(stack.stack);
    req.setProject(stack.project);
    req.setOrganization(stack.organization);
    req.setDryRun(true);
    const config = req.getConfigMap();
    for (const key of Object.keys(stack.config ?? {}).sort()) {
      config.set(key, (stack.config ?? {})[key]);
    }
    req.setConfigSecretKeysList([...(stack.secretKeys ?? [])].sort());
    const tags = req.getTagsMap();
    for (const key of Object.keys(stack.tags ?? {}).sort()) {
      tags.set(key, (stack.tags ?? {})[key]);
    }
    const sent = JSON.stringify(req.toObject());
    if (sent === this.configuredStack) {
      return;
    }
    await this.connection.optional("configureStack", req);
    this.configuredStack = sent;
  }

  private async readInfo(): Promise<void> {
    const info = await this.connection.call<analyzerPb.AnalyzerInfo>("getAnalyzerInfo", new this.protocol.empty.Empty());
    this.policies = info.getPoliciesList().map((p) => {
      const schema = p.getConfigschema();
      return {
        name: p.getName(),
        enforcementLevel: LEVELS[p.getEnforcementlevel()],
        configSchema: schema
          ? { properties: (schema.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>, required: schema.getRequiredList() }
          : undefined,
      };
    });
    this.initialConfig = {};
    info.getInitialconfigMap().forEach((c, name) => {
      this.initialConfig[name] = {
        enforcementLevel: LEVELS[c.getEnforcementlevel()],
        properties: (c.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>,
      };
    });
    this.info = {
      name: info.getName(),
      version: info.getVersion(),
      policies: info.getPoliciesList().map((p) => ({
        name: p.getName(),
        description: p.getDescription(),
        severity: SEVERITIES[p.getSeverity()] ?? "",
        tags: p.getTagsList(),
        remediationSteps: p.getRemediationSteps(),
        url: p.getUrl(),
      })),
    };
  }

  /**
   * Reconciles and sends policy config; throws CheckError naming the file and every invalid field.
   * Returns what was sent and the entries that name no policy of this pack (the engine passes them on).
   */
  async configure(user: PolicyConfigMap, file: string): Promise<ReconciledPolicyConfig> {
    const reconciled = reconcilePolicyConfig(this.policies, this.initialConfig, user, file);
    const req = new this.pb.ConfigureAnalyzerRequest();
    const map = req.getPolicyconfigMap();
    for (const [name, entry] of Object.entries(reconciled.config)) {
      const pc = new this.pb.PolicyConfig();
      pc.setEnforcementlevel(LEVEL_NUMBERS[entry.enforcementLevel ?? "advisory"]);
      pc.setProperties(this.protocol.struct.Struct.fromJavaScript(entry.properties as never));
      map.set(name, pc);
    }
    await this.connection.call("configure", req, "Configure");
    return reconciled;
  }

  private struct(props: PropertyMap): ReturnType<typeof this.protocol.struct.Struct.fromJavaScript> {
    return this.protocol.struct.Struct.fromJavaScript(props as never);
  }

  private options(r: RecordedResource): analyzerPb.AnalyzerResourceOptions {
    const o = new this.pb.AnalyzerResourceOptions();
    o.setProtect(r.options.protect);
    o.setIgnorechangesList(r.options.ignoreChanges);
    o.setAliasesList(r.options.aliases);
    o.setAdditionalsecretoutputsList(r.options.additionalSecretOutputs);
    if (r.options.deleteBeforeReplace !== undefined) {
      o.setDeletebeforereplace(r.options.deleteBeforeReplace);
      o.setDeletebeforereplacedefined(true);
    }
    const t = new this.pb.AnalyzerResourceOptions.CustomTimeouts();
    t.setCreate(r.options.customTimeouts.createSeconds);
    t.setUpdate(r.options.customTimeouts.updateSeconds);
    t.setDelete(r.options.customTimeouts.deleteSeconds);
    o.setCustomtimeouts(t);
    if (r.parent) {
      o.setParent(r.parent);
    }
    return o;
  }

  /**
   * What Remediate and Analyze (AnalyzeRequest) and AnalyzeStack (AnalyzerResource) are told of a
   * resource alike: its identity, `properties`, options and provider.
   */
  private resourceMessage<M extends analyzerPb.AnalyzeRequest | analyzerPb.AnalyzerResource>(
    Message: new () => M,
    r: RecordedResource,
    properties: PropertyMap,
    provider: ProviderOf,
  ): M {
    const msg = new Message();
    msg.setUrn(r.urn);
    msg.setType(r.type);
    msg.setName(r.name);
    msg.setProperties(this.struct(properties));
    msg.setOptions(this.options(r));
    const providerMsg = provider(r);
    if (providerMsg) {
      msg.setProvider(providerMsg);
    }
    return msg;
  }

  /** One message per provider, shared by every request that names it (serializing only reads it). */
  private providers(byUrn: Map<string, RecordedResource>): ProviderOf {
    const built = new Map<string, analyzerPb.AnalyzerProviderResource>();
    return (r) => {
      const p = r.provider ? byUrn.get(r.provider) : undefined;
      if (!p) {
        return undefined;
      }
      let msg = built.get(p.urn);
      if (!msg) {
        msg = new this.pb.AnalyzerProviderResource();
        msg.setUrn(p.urn);
        msg.setType(p.type);
        msg.setName(p.name);
        msg.setProperties(this.struct(p.inputs));
        built.set(p.urn, msg);
      }
      return msg;
    };
  }

  private diagnostics(list: analyzerPb.AnalyzeDiagnostic[], urnFor: (d: analyzerPb.AnalyzeDiagnostic) => string): RawDiagnostic[] {
    return list.map((d) => ({
      policy: d.getPolicyname(),
      description: d.getDescription(),
      message: d.getMessage(),
      enforcementLevel: LEVELS[d.getEnforcementlevel()],
      severity: SEVERITIES[d.getSeverity()] ?? "",
      urn: urnFor(d),
    }));
  }

  async analyze(recording: Recording, identity: StackIdentity): Promise<AnalyzedRecording> {
    await this.configureStack(identity);

    const byUrn = new Map(recording.resources.map((r) => [r.urn, r]));
    const provider = this.providers(byUrn);
    const inFlight = new Set<RecordedResource>();
    const results = await mapBounded(recording.resources, this.concurrency, async (r) => {
      inFlight.add(r);
      try {
        return await this.analyzeResource(r, provider, recording.snapshot === true);
      } catch (e) {
        throw blame(e, inFlight);
      } finally {
        inFlight.delete(r);
      }
    });
    const diagnostics = results.flatMap((result) => result.diagnostics);
    const remediated = results.flatMap((result) => result.remediated);

    const stackRequest = new this.pb.AnalyzeStackRequest();
    stackRequest.setResourcesList(
      recording.resources.map((r, i) => {
        const msg = this.resourceMessage(this.pb.AnalyzerResource, r, stackProperties(recording, r, results[i].finalProps), provider);
        msg.setParent(r.parent);
        msg.setDependenciesList(r.dependencies);
        const deps = msg.getPropertydependenciesMap();
        for (const [key, urns] of Object.entries(r.propertyDependencies)) {
          const pd = new this.pb.AnalyzerPropertyDependencies();
          pd.setUrnsList(urns);
          deps.set(key, pd);
        }
        return msg;
      }),
    );
    const stackResponse = await this.connection.call<analyzerPb.AnalyzeResponse>("analyzeStack", stackRequest, "AnalyzeStack");
    const stackUrn = rootStackUrn(identity.stack, identity.project);
    diagnostics.push(...this.diagnostics(stackResponse.getDiagnosticsList(), (d) => (byUrn.has(d.getUrn()) ? d.getUrn() : stackUrn)));
    return { resources: recording.resources.length, diagnostics, remediated };
  }

  /**
   * Remediate, then Analyze on the remediated inputs: the engine's order for one resource. For a
   * snapshot (`reportOnly`) each remediation is reported against the original inputs and Analyze
   * sees those unchanged, as AnalyzeSnapshot does.
   */
  private async analyzeResource(
    r: RecordedResource,
    provider: ProviderOf,
    reportOnly = false,
  ): Promise<{ diagnostics: RawDiagnostic[]; remediated: Remediated[]; finalProps: PropertyMap }> {
    const diagnostics: RawDiagnostic[] = [];
    const remediated: Remediated[] = [];
    let inputs = r.inputs;
    const req = this.resourceMessage(this.pb.AnalyzeRequest, r, inputs, provider);
    const remediation = await this.connection.call<analyzerPb.RemediateResponse>("remediate", req, `Remediate of ${r.urn}`);
    for (const t of remediation.getRemediationsList()) {
      if (t.getDiagnostic()) {
        diagnostics.push({
          policy: t.getPolicyname(),
          description: t.getDescription(),
          message: t.getDiagnostic(),
          enforcementLevel: "advisory",
          severity: "",
          urn: r.urn,
        });
      } else if (t.getProperties()) {
        const after = t.getProperties()?.toJavaScript() as PropertyMap;
        remediated.push({
          policy: t.getPolicyname(),
          resourceType: r.type,
          resourceName: r.name,
          urn: r.urn,
          changes: propertyChanges(inputs, after),
        });
        if (!reportOnly) {
          inputs = after;
        }
      }
    }
    if (inputs !== r.inputs) {
      req.setProperties(this.struct(inputs));
    }
    const analysis = await this.connection.call<analyzerPb.AnalyzeResponse>("analyze", req, `Analyze of ${r.urn}`);
    diagnostics.push(...this.diagnostics(analysis.getDiagnosticsList(), () => r.urn));
    return { diagnostics, remediated, finalProps: r.custom ? inputs : r.outputs };
  }

  close(): void {
    this.connection.close();
  }
}

/**
 * A pack that dies fails every request in flight, so which resource killed it is one of them; a
 * policy that throws fails only its own request, whose message already names the resource.
 */
function blame(error: unknown, inFlight: ReadonlySet<RecordedResource>): unknown {
  if (!(error instanceof PackCallError) || !error.dropped || inFlight.size < 2) {
    return error;
  }
  const names = [...inFlight].map((r) => r.name);
  const listed = names.length > 10 ? `${names.slice(0, 10).join(", ")} and ${names.length - 10} more` : names.join(", ");
  return new CheckError(
    `policy pack failed during Remediate or Analyze of one of ${names.length} resources in flight (${listed}): ${error.details}`,
  );
}

/**
 * Maps `items` with at most `limit` calls of `fn` pending at once; results are in the items' order,
 * whatever order the calls finish in. After a failure no further call starts, and the first failure
 * is what the returned promise rejects with.
 */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i]);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/**
 * What AnalyzeStack sees of a resource: a snapshot's outputs; in a program's second look, a custom
 * resource's synthesized created outputs under its final inputs (a deployed resource has its name and
 * ARN); otherwise the final properties.
 */
export function stackProperties(recording: Recording, r: RecordedResource, finalProps: PropertyMap): PropertyMap {
  if (recording.snapshot) {
    return r.outputs;
  }
  return recording.deployed && r.custom ? { ...r.outputs, ...finalProps } : finalProps;
}
