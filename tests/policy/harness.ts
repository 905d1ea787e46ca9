/**
 * Runs the real pack through the policy SDK's own gRPC handlers, the way the engine calls them:
 * requests are protobuf messages with serialized properties (secrets and unknowns in the engine's
 * wire form), and config goes through the SDK's `configure` handler. The handlers are captured by
 * constructing the PolicyPack in-process with the gRPC server's `addService`/`bindAsync` stubbed,
 * so nothing listens and nothing is printed.
 */
import * as grpc from "@grpc/grpc-js";
import { PolicyPack, type EnforcementLevel } from "@pulumi/policy";
import * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as serverModule from "@pulumi/policy/server";
import type { CompliancePolicy } from "../../policies/lib/policy";
import { packArgs, packName, policies } from "../../policies/pack";

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

type Callback = (error: Error | null | undefined, response?: unknown) => void;
type Handler = (call: { request: unknown }, callback: Callback) => void;
type Handlers = Record<"analyze" | "analyzeStack" | "remediate" | "configure" | "getAnalyzerInfo", Handler>;

type Maker = (packName: string, version: string, level: EnforcementLevel, policies: readonly CompliancePolicy[]) => Handler;

// The SDK's handler factories, exported at runtime; `server.d.ts` declares nothing.
const server = serverModule as unknown as Record<"makeAnalyzeRpcFun" | "makeAnalyzeStackRpcFun" | "makeRemediateRpcFun", Maker>;

let handlers: Handlers | undefined;

function served(): Handlers {
    if (!handlers) {
        let captured: unknown;
        const addService = jest.spyOn(grpc.Server.prototype, "addService").mockImplementation((_service, implementation) => {
            captured = implementation;
        });
        const bindAsync = jest.spyOn(grpc.Server.prototype, "bindAsync").mockImplementation(() => undefined);
        try {
            new PolicyPack(packName, packArgs);
        } finally {
            addService.mockRestore();
            bindAsync.mockRestore();
        }
        handlers = captured as Handlers;
    }
    return handlers;
}

function handler(method: keyof Handlers, custom?: readonly CompliancePolicy[]): Handler {
    const makers = { analyze: "makeAnalyzeRpcFun", analyzeStack: "makeAnalyzeStackRpcFun", remediate: "makeRemediateRpcFun" } as const;
    return custom && method in makers
        ? server[makers[method as keyof typeof makers]](packName, "0.0.0", "advisory", custom)
        : served()[method];
}

function call<T>(method: keyof Handlers, request: unknown, custom?: readonly CompliancePolicy[]): Promise<T> {
    return new Promise((resolve, reject) => {
        handler(method, custom)({ request }, (error, response) => (error ? reject(error) : resolve(response as T)));
    });
}

const LEVELS: Readonly<Record<EnforcementLevel, analyzerPb.EnforcementLevel>> = {
    advisory: analyzerPb.EnforcementLevel.ADVISORY,
    mandatory: analyzerPb.EnforcementLevel.MANDATORY,
    disabled: analyzerPb.EnforcementLevel.DISABLED,
    remediate: analyzerPb.EnforcementLevel.REMEDIATE,
};

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

export function urnOf(type: string, name: string): string {
    return `urn:pulumi:test::pipeline::${type}::${name}`;
}

/** The engine omits absent properties; JSON drops `undefined` the same way, which Struct would reject. */
function struct(props: Record<string, unknown>): Struct {
    return Struct.fromJavaScript(JSON.parse(JSON.stringify(props)) as Record<string, never>);
}

function options(): analyzerPb.AnalyzerResourceOptions {
    return new analyzerPb.AnalyzerResourceOptions();
}

function providerOf(props: Record<string, unknown> | undefined): analyzerPb.AnalyzerProviderResource | undefined {
    if (!props) {
        return undefined;
    }
    const provider = new analyzerPb.AnalyzerProviderResource();
    provider.setType("pulumi:providers:aws");
    provider.setName("default");
    provider.setUrn(urnOf("pulumi:providers:aws", "default"));
    provider.setProperties(struct(props));
    return provider;
}

function analyzeRequest(type: string, name: string, props: Record<string, unknown>, provider?: Record<string, unknown>) {
    const request = new analyzerPb.AnalyzeRequest();
    request.setType(type);
    request.setName(name);
    request.setUrn(urnOf(type, name));
    request.setProperties(struct(props));
    request.setOptions(options());
    request.setProvider(providerOf(provider));
    return request;
}

function diagnosticsOf(response: analyzerPb.AnalyzeResponse): Diagnostic[] {
    return response.getDiagnosticsList().map((d) => ({
        policyName: d.getPolicyname(),
        level: levelName(d.getEnforcementlevel()),
        message: d.getMessage(),
        urn: d.getUrn(),
    }));
}

/** Analyzes one resource with every policy of the pack, as `pulumi preview` does for each resource. */
export async function analyzeResource(
    type: string,
    name: string,
    props: Record<string, unknown>,
    { config, provider, policies: custom }: Options = {},
): Promise<Diagnostic[]> {
    await configure(config);
    return diagnosticsOf(await call("analyze", analyzeRequest(type, name, props, provider), custom));
}

/** Analyzes a whole stack with every stack policy of the pack. */
export async function analyzeStack(
    resources: readonly TestResource[],
    { config, policies: custom }: Options = {},
): Promise<Diagnostic[]> {
    await configure(config);
    const request = new analyzerPb.AnalyzeStackRequest();
    request.setResourcesList(
        resources.map((r) => {
            const resource = new analyzerPb.AnalyzerResource();
            resource.setType(r.type);
            resource.setName(r.name);
            resource.setUrn(urnOf(r.type, r.name));
            resource.setProperties(struct(r.props));
            resource.setOptions(options());
            resource.setProvider(providerOf(r.provider));
            if (r.parent) {
                resource.setParent(urnOf(...(r.parent.split("::") as [string, string])));
            }
            for (const [input, sources] of Object.entries(r.propertyDependencies ?? {})) {
                const dependencies = new analyzerPb.AnalyzerPropertyDependencies();
                dependencies.setUrnsList(sources.map((source) => urnOf(...(source.split("::") as [string, string]))));
                resource.getPropertydependenciesMap().set(input, dependencies);
            }
            return resource;
        }),
    );
    return diagnosticsOf(await call("analyzeStack", request, custom));
}

/** Runs the Remediate RPC; only policies configured at level `remediate` take part, as in the engine. */
export async function remediate(
    type: string,
    name: string,
    props: Record<string, unknown>,
    { config, provider, policies: custom }: Options = {},
): Promise<Remediation[]> {
    await configure(config);
    const response = await call<analyzerPb.RemediateResponse>("remediate", analyzeRequest(type, name, props, provider), custom);
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
