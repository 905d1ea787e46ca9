/**
 * The policy SDK's own gRPC handlers and the requests the engine sends them, shared by the policy
 * harness and the fuzz engine. The pack's handlers are captured by constructing the PolicyPack with the
 * gRPC server's `addService`/`bindAsync` stubbed, so nothing listens and nothing is printed. The SDK
 * keeps one pack's config per process: construct it here only, once per test file.
 */
import * as grpc from "@grpc/grpc-js";
import { PolicyPack, type EnforcementLevel } from "@pulumi/policy";
import * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import * as serverModule from "@pulumi/policy/server";
import type { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { CompliancePolicy } from "../../policies/lib/policy";
import { packArgs, packName } from "../../policies/pack";

export type Callback = (error: Error | null | undefined, response?: unknown) => void;
/** A handler reports through the callback; some also return a promise that rejects on a late crash. */
export type Handler = (call: { request: unknown }, callback: Callback) => unknown;
export type ServedHandlers = Record<"analyze" | "analyzeStack" | "remediate" | "configure" | "getAnalyzerInfo", Handler>;
type Maker = (packName: string, version: string, level: EnforcementLevel, policies: readonly CompliancePolicy[]) => Handler;
type PolicyMethod = "analyze" | "analyzeStack" | "remediate";

// The SDK's handler factories, exported at runtime; `server.d.ts` declares nothing.
const server = serverModule as unknown as Record<"makeAnalyzeRpcFun" | "makeAnalyzeStackRpcFun" | "makeRemediateRpcFun", Maker>;
const MAKERS = { analyze: "makeAnalyzeRpcFun", analyzeStack: "makeAnalyzeStackRpcFun", remediate: "makeRemediateRpcFun" } as const;

/** The SDK's handler for `method` serving `policies` alone, as it would in a pack of only those. */
export function handlerFor(method: PolicyMethod, policies: readonly CompliancePolicy[]): Handler {
  return server[MAKERS[method]](packName, "0.0.0", "advisory", policies);
}

export function isPolicyMethod(method: string): method is PolicyMethod {
  return method in MAKERS;
}

let served: ServedHandlers | undefined;

/** The handlers the real pack serves (Configure exists only there). */
export function servedHandlers(): ServedHandlers {
  if (!served) {
    let captured: Partial<ServedHandlers> = {};
    const addService = jest.spyOn(grpc.Server.prototype, "addService").mockImplementation((_definition, implementation) => {
      captured = implementation as Partial<ServedHandlers>;
    });
    const bindAsync = jest.spyOn(grpc.Server.prototype, "bindAsync").mockImplementation(() => undefined);
    try {
      new PolicyPack(packName, packArgs);
    } finally {
      addService.mockRestore();
      bindAsync.mockRestore();
    }
    if (!captured.configure) {
      throw new Error("the policy SDK served no configure handler");
    }
    served = captured as ServedHandlers;
  }
  return served;
}

export const LEVELS: Readonly<Record<EnforcementLevel, analyzerPb.EnforcementLevel>> = {
  advisory: analyzerPb.EnforcementLevel.ADVISORY,
  mandatory: analyzerPb.EnforcementLevel.MANDATORY,
  disabled: analyzerPb.EnforcementLevel.DISABLED,
  remediate: analyzerPb.EnforcementLevel.REMEDIATE,
};

export function urnOf(type: string, name: string): string {
  return `urn:pulumi:test::pipeline::${type}::${name}`;
}

/** A resource as a request carries it; properties already encoded as the engine's Struct. */
export interface RequestSubject {
  readonly type: string;
  readonly name: string;
  readonly props: Struct;
  /** Properties of the default AWS provider, when the resource has one. */
  readonly provider?: Struct;
}

export interface StackRequestMember extends RequestSubject {
  readonly parent?: string;
  /** Per input, URNs of the resources its value came from. */
  readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

function providerOf(props: Struct | undefined): analyzerPb.AnalyzerProviderResource | undefined {
  if (!props) {
    return undefined;
  }
  const provider = new analyzerPb.AnalyzerProviderResource();
  provider.setType("pulumi:providers:aws");
  provider.setName("default");
  provider.setUrn(urnOf("pulumi:providers:aws", "default"));
  provider.setProperties(props);
  return provider;
}

/** The setters AnalyzeRequest and AnalyzerResource share. */
interface SubjectMessage {
  setType(value: string): unknown;
  setName(value: string): unknown;
  setUrn(value: string): unknown;
  setProperties(value: Struct): unknown;
  setOptions(value: analyzerPb.AnalyzerResourceOptions): unknown;
  setProvider(value: analyzerPb.AnalyzerProviderResource | undefined): unknown;
}

function filled<T extends SubjectMessage>(message: T, subject: RequestSubject): T {
  message.setType(subject.type);
  message.setName(subject.name);
  message.setUrn(urnOf(subject.type, subject.name));
  message.setProperties(subject.props);
  message.setOptions(new analyzerPb.AnalyzerResourceOptions());
  message.setProvider(providerOf(subject.provider));
  return message;
}

/** The request of Analyze and of Remediate. */
export function analyzeRequest(subject: RequestSubject): analyzerPb.AnalyzeRequest {
  return filled(new analyzerPb.AnalyzeRequest(), subject);
}

export function analyzeStackRequest(members: readonly StackRequestMember[]): analyzerPb.AnalyzeStackRequest {
  const request = new analyzerPb.AnalyzeStackRequest();
  request.setResourcesList(
    members.map((member) => {
      const resource = filled(new analyzerPb.AnalyzerResource(), member);
      if (member.parent) {
        resource.setParent(member.parent);
      }
      for (const [input, urns] of Object.entries(member.propertyDependencies ?? {})) {
        const dependencies = new analyzerPb.AnalyzerPropertyDependencies();
        dependencies.setUrnsList([...urns]);
        resource.getPropertydependenciesMap().set(input, dependencies);
      }
      return resource;
    }),
  );
  return request;
}
