/**
 * Sends fuzz inputs through the policy SDK's own Analyze, AnalyzeStack and Remediate handlers, one
 * policy at a time so that a failure names its policy. A gRPC error from a handler is captured as an
 * outcome, never thrown: it is what the property under test is about.
 */
import * as grpc from "@grpc/grpc-js";
import { PolicyPack, type EnforcementLevel } from "@pulumi/policy";
import * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import * as serverModule from "@pulumi/policy/server";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { CompliancePolicy } from "../../policies/lib/policy";
import { packArgs, packName } from "../../policies/pack";
import { urnOf } from "../policy/harness";
import type { Wire, WireObject } from "./values";

export interface ResourceInput {
    readonly type: string;
    readonly name: string;
    readonly props: WireObject;
    readonly provider?: WireObject;
}

export interface StackMember extends ResourceInput {
    /** Per input, URNs of the resources its value came from; some name no resource of the stack. */
    readonly dependencies: Readonly<Record<string, readonly string[]>>;
}

export interface Diagnostic {
    readonly level: number;
    readonly message: string;
    readonly urn: string;
}

export interface Remediation {
    readonly properties?: WireObject;
    readonly diagnostic: string;
}

/** A handler's answer: what it returned, or the gRPC error it reported. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

type Callback = (error: Error | null | undefined, response?: unknown) => void;
type Handler = (call: { request: unknown }, callback: Callback) => unknown;
type Maker = (packName: string, version: string, level: EnforcementLevel, policies: readonly CompliancePolicy[]) => Handler;

// The SDK's handler factories, exported at runtime; `server.d.ts` declares nothing.
const makers = serverModule as unknown as Record<"makeAnalyzeRpcFun" | "makeAnalyzeStackRpcFun" | "makeRemediateRpcFun", Maker>;

export interface PolicyHandlers {
    analyze(input: ResourceInput): Promise<Outcome<Diagnostic[]>>;
    analyzeStack(members: readonly StackMember[]): Promise<Outcome<Diagnostic[]>>;
    remediate(input: ResourceInput): Promise<Outcome<Remediation[]>>;
}

function invoke(handler: Handler, request: unknown): Promise<Outcome<unknown>> {
    return new Promise((resolve) => {
        const fail = (error: unknown) => resolve({ ok: false, error: error instanceof Error ? error.message : String(error) });
        // An exception after the handler's own try block rejects the promise it returns and never
        // reaches the callback; catching it keeps such a crash from hanging the run.
        const pending = handler({ request }, (error, response) => (error ? fail(error) : resolve({ ok: true, value: response })));
        Promise.resolve(pending).catch(fail);
    });
}

function struct(props: WireObject): Struct {
    return Struct.fromJavaScript(props as Record<string, never>);
}

function provider(props: WireObject | undefined): analyzerPb.AnalyzerProviderResource | undefined {
    if (!props) {
        return undefined;
    }
    const resource = new analyzerPb.AnalyzerProviderResource();
    resource.setType("pulumi:providers:aws");
    resource.setName("default");
    resource.setUrn(urnOf("pulumi:providers:aws", "default"));
    resource.setProperties(struct(props));
    return resource;
}

function analyzeRequest(input: ResourceInput): analyzerPb.AnalyzeRequest {
    const request = new analyzerPb.AnalyzeRequest();
    request.setType(input.type);
    request.setName(input.name);
    request.setUrn(urnOf(input.type, input.name));
    request.setProperties(struct(input.props));
    request.setOptions(new analyzerPb.AnalyzerResourceOptions());
    request.setProvider(provider(input.provider));
    return request;
}

function stackRequest(members: readonly StackMember[]): analyzerPb.AnalyzeStackRequest {
    const request = new analyzerPb.AnalyzeStackRequest();
    request.setResourcesList(
        members.map((member) => {
            const resource = new analyzerPb.AnalyzerResource();
            resource.setType(member.type);
            resource.setName(member.name);
            resource.setUrn(urnOf(member.type, member.name));
            resource.setProperties(struct(member.props));
            resource.setOptions(new analyzerPb.AnalyzerResourceOptions());
            resource.setProvider(provider(member.provider));
            for (const [input, urns] of Object.entries(member.dependencies)) {
                const dependencies = new analyzerPb.AnalyzerPropertyDependencies();
                dependencies.setUrnsList([...urns]);
                resource.getPropertydependenciesMap().set(input, dependencies);
            }
            return resource;
        }),
    );
    return request;
}

function diagnostics(response: unknown): Diagnostic[] {
    return (response as analyzerPb.AnalyzeResponse).getDiagnosticsList().map((d) => ({ level: d.getEnforcementlevel(), message: d.getMessage(), urn: d.getUrn() }));
}

function remediations(response: unknown, policyName: string): Remediation[] {
    return (response as analyzerPb.RemediateResponse)
        .getRemediationsList()
        .filter((r) => r.getPolicyname() === policyName)
        .map((r) => ({ properties: r.getProperties()?.toJavaScript() as WireObject | undefined, diagnostic: r.getDiagnostic() }));
}

function map<T>(outcome: Outcome<unknown>, convert: (value: unknown) => T): Outcome<T> {
    return outcome.ok ? { ok: true, value: convert(outcome.value) } : outcome;
}

// Requests are built once per input: determinism and remediation checks send the same input
// several times, and building the Struct is the larger part of a handler call's cost.
const requests = new WeakMap<object, unknown>();

function cached<T>(input: object, build: () => T): T {
    if (!requests.has(input)) {
        requests.set(input, build());
    }
    return requests.get(input) as T;
}

/** The SDK's handlers serving `policy` alone, as the engine would reach them in a pack of one. */
export function handlersOf(policy: CompliancePolicy): PolicyHandlers {
    const analyze = makers.makeAnalyzeRpcFun(packName, "0.0.0", "advisory", [policy]);
    const analyzeStack = makers.makeAnalyzeStackRpcFun(packName, "0.0.0", "advisory", [policy]);
    const remediate = makers.makeRemediateRpcFun(packName, "0.0.0", "advisory", [policy]);
    return {
        analyze: async (input) => map(await invoke(analyze, cached(input, () => analyzeRequest(input))), diagnostics),
        analyzeStack: async (members) => map(await invoke(analyzeStack, cached(members, () => stackRequest(members))), diagnostics),
        remediate: async (input) =>
            map(await invoke(remediate, cached(input, () => analyzeRequest(input))), (response) => remediations(response, policy.name)),
    };
}

let configureHandler: Handler | undefined;

/**
 * The SDK's Configure handler, captured by constructing the pack with the gRPC server's
 * `addService`/`bindAsync` stubbed (it exists only inside the served service). The SDK serves one
 * pack per process, so this module, not the policy harness, must be the one that constructs it.
 */
function configureHandlerOf(): Handler {
    if (!configureHandler) {
        let service: Partial<Record<string, Handler>> = {};
        const addService = jest.spyOn(grpc.Server.prototype, "addService").mockImplementation((_definition, implementation) => {
            service = implementation as Record<string, Handler>;
        });
        const bindAsync = jest.spyOn(grpc.Server.prototype, "bindAsync").mockImplementation(() => undefined);
        try {
            new PolicyPack(packName, packArgs);
        } finally {
            addService.mockRestore();
            bindAsync.mockRestore();
        }
        if (!service.configure) {
            throw new Error("the policy SDK served no configure handler");
        }
        configureHandler = service.configure;
    }
    return configureHandler;
}

const LEVELS: Readonly<Record<EnforcementLevel, analyzerPb.EnforcementLevel>> = {
    advisory: analyzerPb.EnforcementLevel.ADVISORY,
    mandatory: analyzerPb.EnforcementLevel.MANDATORY,
    disabled: analyzerPb.EnforcementLevel.DISABLED,
    remediate: analyzerPb.EnforcementLevel.REMEDIATE,
};

// What the handler was last configured with.
let configured: string | undefined;

/**
 * Configures the policy under test as the engine would: remediable policies at level `remediate`
 * (so Remediate runs them), the others at their own level, with `properties` as its config. Only
 * the policy under test is configured; the handlers serve no other.
 */
export async function configurePolicy(policy: CompliancePolicy, properties: Readonly<Record<string, Wire>>): Promise<void> {
    const level: EnforcementLevel = policy.remediable ? "remediate" : (policy.enforcementLevel ?? "advisory");
    const key = `${policy.name} ${JSON.stringify(properties)}`;
    // The handler replaces the whole config, so sending the same again changes nothing.
    if (key === configured) {
        return;
    }
    const entry = new analyzerPb.PolicyConfig();
    entry.setEnforcementlevel(LEVELS[level]);
    entry.setProperties(Struct.fromJavaScript(properties as Record<string, never>));
    const request = new analyzerPb.ConfigureAnalyzerRequest();
    request.getPolicyconfigMap().set(policy.name, entry);
    const outcome = await invoke(configureHandlerOf(), request);
    if (!outcome.ok) {
        throw new Error(`configuring ${policy.name} failed: ${outcome.error}`);
    }
    configured = key;
}
