// One conversation with a running pack, in the engine's order: Handshake, ConfigureStack (the stack's
// identity, config, secret keys and tags, as NewPolicyAnalyzer sends them when the analyzer starts),
// GetAnalyzerInfo, Configure, then per resource Remediate followed by Analyze on the remediated inputs,
// then AnalyzeStack over everything. A session can analyze several recordings (npm start reuses a pack);
// a recording of another stack re-sends ConfigureStack first, as a fresh engine run would have.
// A stack export (`recording.snapshot`) is judged as `pulumi policy analyze` does: remediations are
// reported, not applied, and AnalyzeStack sees outputs.
// Resources are independent until AnalyzeStack, so several are in flight at once (the checker and the
// pack would otherwise each wait on the other half the time); results keep the registration order.
// A large stack spreads them over further processes of the same pack, each started and configured as
// this one (lanes.ts); AnalyzeStack always goes to this one.
import type * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import type { EnforcementLevel, PackInfo, PropertyMap, RecordedResource, Recording, Remediated } from "../types";
import { propertyChanges } from "../report/diff";
import { rootStackUrn } from "../urn";
import { blame, mapBounded } from "./bounded";
import { AnalyzerConnection, encode, loadProtocol, type AnalyzerCalls, type Protocol } from "./client";
import { Lanes } from "./lanes";
import { LEVEL_NUMBERS, LEVELS, Messages, SEVERITIES, type ProviderOf, type StackIdentity } from "./messages";
import {
  packDefaults,
  reconcilePolicyConfig,
  type ConfigurablePolicy,
  type PolicyConfigMap,
  type ReconciledPolicyConfig,
} from "./policyConfig";
import type { RawDiagnostic } from "./interpret";

// Importable from the session as before (its tests drive them through it).
export { mapBounded } from "./bounded";
export { stackProperties, type StackIdentity } from "./messages";

/** Resources in flight at once: at 10k resources on 2 cores, over one connection, 64 analyzed in 12.4-12.9 s, 32 in 13.4-16.3 s, 16 in 15.3 s. */
const ANALYZE_CONCURRENCY = 64;

export interface AnalyzedRecording {
  resources: number;
  diagnostics: RawDiagnostic[];
  remediated: Remediated[];
}

export interface SessionOptions {
  /** Resources in flight at once. */
  concurrency?: number;
  /** Sent with ConfigureStack right after Handshake, as the engine does when it starts the analyzer. */
  stack?: StackIdentity;
}

export class AnalyzerSession {
  private readonly messages: Messages;
  private policies: ConfigurablePolicy[] = [];
  private initialConfig: PolicyConfigMap = {};
  /** The ConfigureStack request last sent, serialized, so an unchanged stack is not configured twice. */
  private configuredStack: string | undefined;
  info: PackInfo = { name: "", version: "", policies: [] };
  /** The sessions that share Remediate and Analyze of a large stack; just this one unless `spreadOver` was called. */
  private lanes = new Lanes<AnalyzerSession>(this);

  private constructor(
    private readonly connection: AnalyzerCalls,
    private readonly protocol: Protocol,
    private readonly concurrency: number,
  ) {
    this.messages = new Messages(protocol);
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

  /** ConfigureStack, unless the last one sent was the same. */
  private async configureStack(stack: StackIdentity): Promise<void> {
    const req = this.messages.configureStack(stack);
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

  /** Each policy's level before any --policy-pack-config: the level GetAnalyzerInfo gives it, with the pack's initial config applied. */
  packLevels(): Record<string, EnforcementLevel> {
    const defaults = packDefaults(this.policies, this.initialConfig);
    // packDefaults starts every policy at its own level, and a layer only ever replaces a level with another.
    return Object.fromEntries(this.policies.map((p) => [p.name, defaults[p.name].enforcementLevel as EnforcementLevel]));
  }

  /**
   * Reconciles and sends policy config; throws CheckError naming the file and every invalid field.
   * Returns what was sent and the entries that name no policy of this pack (the engine passes them on).
   */
  async configure(user: PolicyConfigMap, file: string): Promise<ReconciledPolicyConfig> {
    const reconciled = reconcilePolicyConfig(this.policies, this.initialConfig, user, file);
    const req = new this.protocol.pb.ConfigureAnalyzerRequest();
    const map = req.getPolicyconfigMap();
    for (const [name, entry] of Object.entries(reconciled.config)) {
      const pc = new this.protocol.pb.PolicyConfig();
      pc.setEnforcementlevel(LEVEL_NUMBERS[entry.enforcementLevel ?? "advisory"]);
      pc.setProperties(this.protocol.struct.Struct.fromJavaScript(entry.properties as never));
      map.set(name, pc);
    }
    await this.connection.call("configure", req, "Configure");
    return reconciled;
  }

  /**
   * From `threshold` resources on, Remediate and Analyze go round the sessions `start` opens as well
   * as this one; `start` runs on the first such stack only, so its processes serve every later one.
   */
  spreadOver(start: () => Promise<AnalyzerSession[]>, threshold: number): void {
    this.lanes = new Lanes(this, start, threshold);
  }

  async analyze(recording: Recording, identity: StackIdentity): Promise<AnalyzedRecording> {
    await this.configureStack(identity);
    const lanes = await this.lanes.for(recording.resources.length);
    for (const lane of lanes.slice(1)) {
      await lane.configureStack(identity);
    }

    const byUrn = new Map(recording.resources.map((r) => [r.urn, r]));
    const provider = this.messages.providers(byUrn);
    const inFlight = new Set<RecordedResource>();
    let turn = 0;
    const results = await mapBounded(recording.resources, this.concurrency, async (r) => {
      inFlight.add(r);
      try {
        return await lanes[turn++ % lanes.length].analyzeResource(r, provider, recording.snapshot === true);
      } catch (e) {
        throw blame(e, inFlight);
      } finally {
        inFlight.delete(r);
      }
    });
    const diagnostics = results.flatMap((result) => result.diagnostics);
    const remediated = results.flatMap((result) => result.remediated);

    const finalProps = results.map((result) => result.finalProps);
    const stackRequest = this.messages.analyzeStack(recording, finalProps, provider);
    const stackResponse = await this.connection.call<analyzerPb.AnalyzeResponse>("analyzeStack", stackRequest, "AnalyzeStack");
    const stackUrn = rootStackUrn(identity.stack, identity.project);
    diagnostics.push(
      ...this.messages.diagnostics(stackResponse.getDiagnosticsList(), (d) => (byUrn.has(d.getUrn()) ? d.getUrn() : stackUrn)),
    );
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
    // Serialized once: Analyze of an unremediated resource sends the very bytes Remediate did.
    const req = encode(this.messages.resourceMessage(this.protocol.pb.AnalyzeRequest, r, inputs, provider));
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
    const analyzed = inputs === r.inputs ? req : this.messages.resourceMessage(this.protocol.pb.AnalyzeRequest, r, inputs, provider);
    const analysis = await this.connection.call<analyzerPb.AnalyzeResponse>("analyze", analyzed, `Analyze of ${r.urn}`);
    diagnostics.push(...this.messages.diagnostics(analysis.getDiagnosticsList(), () => r.urn));
    return { diagnostics, remediated, finalProps: r.custom ? inputs : r.outputs };
  }

  close(): void {
    this.connection.close();
  }
}
