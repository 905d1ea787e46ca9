/**
 * Sends fuzz inputs through the policy SDK's own Analyze, AnalyzeStack and Remediate handlers, one
 * policy at a time so that a failure names its policy. A gRPC error from a handler is captured as an
 * outcome, never thrown: it is what the property under test is about.
 */
import type { EnforcementLevel } from "@pulumi/policy";
import * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { CompliancePolicy } from "../../policies/lib/policy";
import {
  analyzeRequest,
  analyzeStackRequest,
  handlerFor,
  LEVELS,
  servedHandlers,
  type Handler,
  type RequestSubject,
} from "../policy/sdk-server";
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

function subject(input: ResourceInput): RequestSubject {
  return { type: input.type, name: input.name, props: struct(input.props), provider: input.provider && struct(input.provider) };
}

function struct(props: WireObject): Struct {
  return Struct.fromJavaScript(props as Record<string, never>);
}

function diagnostics(response: unknown): Diagnostic[] {
  return (response as analyzerPb.AnalyzeResponse)
    .getDiagnosticsList()
    .map((d) => ({ level: d.getEnforcementlevel(), message: d.getMessage(), urn: d.getUrn() }));
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
  const analyze = handlerFor("analyze", [policy]);
  const analyzeStack = handlerFor("analyzeStack", [policy]);
  const remediate = handlerFor("remediate", [policy]);
  return {
    analyze: async (input) =>
      map(
        await invoke(
          analyze,
          cached(input, () => analyzeRequest(subject(input))),
        ),
        diagnostics,
      ),
    analyzeStack: async (members) =>
      map(
        await invoke(
          analyzeStack,
          cached(members, () => analyzeStackRequest(members.map((m) => ({ ...subject(m), propertyDependencies: m.dependencies })))),
        ),
        diagnostics,
      ),
    remediate: async (input) =>
      map(
        await invoke(
          remediate,
          cached(input, () => analyzeRequest(subject(input))),
        ),
        (response) => remediations(response, policy.name),
      ),
  };
}

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
  const outcome = await invoke(servedHandlers().configure, request);
  if (!outcome.ok) {
    throw new Error(`configuring ${policy.name} failed: ${outcome.error}`);
  }
  configured = key;
}
