// The analyzer protocol's messages as the engine builds them from a recording, and the pack's
// diagnostics read back: what the session sends and receives, apart from the order it does so in.
import type * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import type { EnforcementLevel, PropertyMap, RecordedResource, Recording, Severity } from "../types";
import { Encoded, type Protocol } from "./client";
import type { RawDiagnostic } from "./interpret";

/** Each enforcement level's number in analyzer.proto. */
export const LEVEL_NUMBERS: Record<EnforcementLevel, analyzerPb.EnforcementLevel> = {
  advisory: 0,
  mandatory: 1,
  disabled: 2,
  remediate: 3,
};
/** The same table read the other way, for what the pack sends. */
export const LEVELS = Object.fromEntries(Object.entries(LEVEL_NUMBERS).map(([level, n]) => [n, level])) as Record<number, EnforcementLevel>;
/** Each severity's number in analyzer.proto, read the way the pack sends it. */
export const SEVERITIES: Record<number, Severity> = { 0: "", 1: "low", 2: "medium", 3: "high", 4: "critical" };

/** The provider message of a resource, when it names one. */
export type ProviderOf = (r: RecordedResource) => analyzerPb.AnalyzerProviderResource | undefined;

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

/** Builds the requests of one pack's protocol and reads its diagnostics. */
export class Messages {
  private readonly pb: typeof analyzerPb;

  constructor(private readonly protocol: Protocol) {
    this.pb = protocol.pb;
  }

  /**
   * ConfigureStack with what NewPolicyAnalyzer (sdk/go/common/resource/plugin/analyzer_plugin.go) sends:
   * stack, project, organization, dry run, the decrypted config, its secret keys and the stack tags.
   */
  configureStack(stack: StackIdentity): analyzerPb.AnalyzerStackConfigureRequest {
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
    return req;
  }

  struct(props: PropertyMap): ReturnType<typeof this.protocol.struct.Struct.fromJavaScript> {
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
  resourceMessage<M extends analyzerPb.AnalyzeRequest | analyzerPb.AnalyzerResource>(
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
  providers(byUrn: Map<string, RecordedResource>): ProviderOf {
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

  /**
   * AnalyzeStack over every resource of `recording`, each with the properties it ended with (`finalProps`,
   * in order). Serialized a resource at a time, as the request's own serializer would write its repeated
   * field: 10,000 resources' Struct messages alive at once were most of the checker's peak memory.
   */
  analyzeStack(recording: Recording, finalProps: PropertyMap[], provider: ProviderOf): Encoded {
    const writer = new this.protocol.jspb.BinaryWriter();
    recording.resources.forEach((r, i) => {
      const msg = this.resourceMessage(this.pb.AnalyzerResource, r, stackProperties(recording, r, finalProps[i]), provider);
      msg.setParent(r.parent);
      msg.setDependenciesList(r.dependencies);
      const deps = msg.getPropertydependenciesMap();
      for (const [key, urns] of Object.entries(r.propertyDependencies)) {
        const pd = new this.pb.AnalyzerPropertyDependencies();
        pd.setUrnsList(urns);
        deps.set(key, pd);
      }
      writer.writeMessage(1, msg, this.pb.AnalyzerResource.serializeBinaryToWriter);
    });
    return new Encoded(writer.getResultBuffer());
  }

  /** The pack's diagnostics, each against the URN `urnFor` gives it. */
  diagnostics(list: analyzerPb.AnalyzeDiagnostic[], urnFor: (d: analyzerPb.AnalyzeDiagnostic) => string): RawDiagnostic[] {
    return list.map((d) => ({
      policy: d.getPolicyname(),
      description: d.getDescription(),
      message: d.getMessage(),
      enforcementLevel: LEVELS[d.getEnforcementlevel()],
      severity: SEVERITIES[d.getSeverity()] ?? "",
      urn: urnFor(d),
    }));
  }
}
