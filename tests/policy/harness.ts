/**
 * Runs the real pack through the policy SDK's own gRPC handlers, the way the engine calls them:
 * requests are protobuf messages with serialized properties (secrets and unknowns in the engine's
 * wire form), and config goes through the SDK's `configure` handler (see `sdk-server.ts`).
 */
import type { EnforcementLevel } from "@pulumi/policy";
import * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { CompliancePolicy } from "../../policies/lib/policy";
import { policies } from "../../policies/pack";
import {
  analyzeRequest,
  analyzeStackRequest,
  handlerFor,
  isPolicyMethod,
  LEVELS,
  servedHandlers,
  urnOf,
  type RequestSubject,
  type ServedHandlers,
} from "./sdk-server";

export { urnOf };

/** The engine's encoding of a value unknown during preview (`plugin.UnknownStringValue`). */
export const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The engine's encoding of a secret value. */
export function secret(value: unknown): Record<string, unknown> {
  return { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value };
}

export interface Diagnostic {
  readonly policyName: string;
  readonly level: EnforcementLevel;
  readonly message: string;
  readonly urn: string;
}

export interface Remediation {
  readonly policyName: string;
  readonly properties?: Record<string, unknown>;
  readonly diagnostic: string;
}

/** Per policy: enforcement level and config properties, as in `--policy-pack-config`. */
export type PackConfig = Readonly<Record<string, Readonly<Record<string, unknown>> & { enforcementLevel?: EnforcementLevel }>>;

export interface TestResource {
  readonly type: string;
  readonly name: string;
  readonly props: Record<string, unknown>;
  /** Provider inputs (e.g. `{ region: "eu-west-1" }`). */
  readonly provider?: Record<string, unknown>;
  /** Per input, the `type::name` of the stack's resources its value came from (stack analysis only). */
  readonly propertyDependencies?: Record<string, readonly string[]>;
  /** The `type::name` of the stack's resource that is its parent (stack analysis only). */
  readonly parent?: string;
}

interface Options {
  readonly config?: PackConfig;
  readonly provider?: Record<string, unknown>;
  /** Policies to run instead of the pack's (to test the framework with purpose-built policies). */
  readonly policies?: readonly CompliancePolicy[];
}

function call<T>(method: keyof ServedHandlers, request: unknown, custom?: readonly CompliancePolicy[]): Promise<T> {
  const handler = custom && isPolicyMethod(method) ? handlerFor(method, custom) : servedHandlers()[method];
  return new Promise((resolve, reject) => {
    handler({ request }, (error, response) => (error ? reject(error) : resolve(response as T)));
  });
}

function levelName(level: analyzerPb.EnforcementLevel): EnforcementLevel {
  const entry = Object.entries(LEVELS).find(([, value]) => value === level);
  return (entry as [EnforcementLevel, analyzerPb.EnforcementLevel])[0];
}

/**
 * Sends the whole pack config, as the engine does before analysis: every policy gets its default
 * level unless `config` overrides it (the handler replaces the previous config entirely).
 */
export async function configure(config: PackConfig = {}): Promise<void> {
  const request = new analyzerPb.ConfigureAnalyzerRequest();
  for (const policy of policies) {
    const { enforcementLevel, ...properties } = config[policy.name] ?? {};
    const entry = new analyzerPb.PolicyConfig();
    entry.setEnforcementlevel(LEVELS[enforcementLevel ?? policy.enforcementLevel ?? "advisory"]);
    entry.setProperties(Struct.fromJavaScript(properties as Record<string, never>));
    request.getPolicyconfigMap().set(policy.name, entry);
  }
  await call("configure", request);
}

/** The engine omits absent properties; JSON drops `undefined` the same way, which Struct would reject. */
function struct(props: Record<string, unknown>): Struct {
  return Struct.fromJavaScript(JSON.parse(JSON.stringify(props)) as Record<string, never>);
}

function subject(type: string, name: string, props: Record<string, unknown>, provider?: Record<string, unknown>): RequestSubject {
  return { type, name, props: struct(props), provider: provider && struct(provider) };
}

function diagnosticsOf(response: analyzerPb.AnalyzeResponse): Diagnostic[] {
  return response.getDiagnosticsList().map((d) => ({
    policyName: d.getPolicyname(),
    level: levelName(d.getEnforcementlevel()),
    message: d.getMessage(),
    urn: d.getUrn(),
  }));
}

/** Configures the pack, then sends one resource to `method`, as the engine does per resource. */
async function callOnResource<T>(
  method: "analyze" | "remediate",
  type: string,
  name: string,
  props: Record<string, unknown>,
  { config, provider, policies: custom }: Options,
): Promise<T> {
  await configure(config);
  return call<T>(method, analyzeRequest(subject(type, name, props, provider)), custom);
}

/** Analyzes one resource with every policy of the pack, as `pulumi preview` does for each resource. */
export async function analyzeResource(
  type: string,
  name: string,
  props: Record<string, unknown>,
  options: Options = {},
): Promise<Diagnostic[]> {
  return diagnosticsOf(await callOnResource("analyze", type, name, props, options));
}

/** Analyzes a whole stack with every stack policy of the pack. */
export async function analyzeStack(resources: readonly TestResource[], { config, policies: custom }: Options = {}): Promise<Diagnostic[]> {
  await configure(config);
  const urnOfRef = (ref: string) => urnOf(...(ref.split("::") as [string, string]));
  const request = analyzeStackRequest(
    resources.map((r) => ({
      ...subject(r.type, r.name, r.props, r.provider),
      parent: r.parent && urnOfRef(r.parent),
      propertyDependencies: Object.fromEntries(
        Object.entries(r.propertyDependencies ?? {}).map(([input, refs]) => [input, refs.map(urnOfRef)]),
      ),
    })),
  );
  return diagnosticsOf(await call("analyzeStack", request, custom));
}

/** Runs the Remediate RPC; only policies configured at level `remediate` take part, as in the engine. */
export async function remediate(type: string, name: string, props: Record<string, unknown>, options: Options = {}): Promise<Remediation[]> {
  const response = await callOnResource<analyzerPb.RemediateResponse>("remediate", type, name, props, options);
  return response.getRemediationsList().map((r) => ({
    policyName: r.getPolicyname(),
    properties: r.getProperties()?.toJavaScript(),
    diagnostic: r.getDiagnostic(),
  }));
}

/** The pack's self-description, as the engine receives it. */
export async function analyzerInfo(): Promise<analyzerPb.AnalyzerInfo> {
  return call("getAnalyzerInfo", new Empty());
}

/** Findings of one policy only (the pack runs all of them on every request). */
export function of(policyName: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.policyName === policyName);
}

/**
 * What findings decide, without their wording: each one's level, marked `undecided` when it is an
 * `[undecided]` finding. Provider-default tests compare an absent field with the field set to the
 * provider's default by verdict, since their messages may name the value differently.
 */
export function verdicts(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => (d.message.startsWith("[undecided] ") ? `${d.level} undecided` : d.level));
}
