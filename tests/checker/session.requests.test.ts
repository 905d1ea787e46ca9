// What AnalyzerSession sends a pack, recorded by a pack that logs its calls: ConfigureStack, a stack
// export's remediations, enforcement levels and the resource descriptions of each request.
import type * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import type { AnalyzerCalls } from "../../checker/analyze/client";
import { AnalyzerSession } from "../../checker/analyze/session";
import type { EnforcementLevel, RecordedResource, Recording } from "../../checker/types";
import { asSent, pb, protocol, resource } from "./analyzerSession";

/** A pack that only records the calls it gets, in order. */
class CallLog implements AnalyzerCalls {
  readonly calls: { method: string; req: unknown }[] = [];

  async call<T>(method: string, req: unknown): Promise<T> {
    this.calls.push({ method, req: asSent(method, req) });
    if (method === "getAnalyzerInfo") {
      return new pb.AnalyzerInfo() as T;
    }
    if (method === "remediate") {
      const remediation = new pb.Remediation();
      remediation.setPolicyname("fix");
      remediation.setProperties(protocol.struct.Struct.fromJavaScript({ index: 99 }));
      const response = new pb.RemediateResponse();
      response.setRemediationsList([remediation]);
      return response as T;
    }
    return new pb.AnalyzeResponse() as T;
  }

  async optional(method: string, req: unknown): Promise<void> {
    this.calls.push({ method, req });
  }

  close(): void {
    // Nothing to release.
  }

  stackConfigures(): analyzerPb.AnalyzerStackConfigureRequest.AsObject[] {
    return this.calls
      .filter((c) => c.method === "configureStack")
      .map((c) => (c.req as analyzerPb.AnalyzerStackConfigureRequest).toObject());
  }
}
describe("ConfigureStack", () => {
  const stack = {
    project: "p",
    stack: "dev",
    organization: "o",
    config: { "aws:region": "eu-west-1", "p:token": "offline-secret-value" },
    secretKeys: ["p:token"],
    tags: { "pulumi:project": "p", team: "platform" },
  };

  it("is sent right after Handshake with the stack's identity, config, secret keys and tags, as the engine starts an analyzer", async () => {
    const log = new CallLog();
    await AnalyzerSession.over(log, protocol, "/pack", { stack });
    expect(log.calls.map((c) => c.method)).toEqual(["handshake", "configureStack", "getAnalyzerInfo"]);
    expect(log.stackConfigures()).toEqual([
      {
        stack: "dev",
        project: "p",
        organization: "o",
        dryRun: true,
        configMap: [
          ["aws:region", "eu-west-1"],
          ["p:token", "offline-secret-value"],
        ],
        configSecretKeysList: ["p:token"],
        tagsMap: [
          ["pulumi:project", "p"],
          ["team", "platform"],
        ],
      },
    ]);
  });

  it("is sent again only when the stack settings change (a reused pack judging another target)", async () => {
    const log = new CallLog();
    const session = await AnalyzerSession.over(log, protocol, "/pack", { stack });
    const recording: Recording = { project: "p", stack: "dev", entry: "index.ts", resources: [resource(1)], invokes: [] };
    await session.analyze(recording, stack);
    expect(log.stackConfigures()).toHaveLength(1);
    await session.analyze(recording, { ...stack, tags: { team: "data" } });
    expect(log.stackConfigures().map((c) => c.tagsMap)).toEqual([
      [
        ["pulumi:project", "p"],
        ["team", "platform"],
      ],
      [["team", "data"]],
    ]);
  });
});

describe("a snapshot (stack export)", () => {
  it("reports remediations against the original inputs, analyzes those, and gives AnalyzeStack the outputs", async () => {
    const log = new CallLog();
    const session = await AnalyzerSession.over(log, protocol, "/pack", 4);
    const r = { ...resource(3), outputs: { index: 3, arn: "arn:x" } };
    const result = await session.analyze(
      { project: "p", stack: "dev", entry: "s.json", resources: [r], invokes: [], snapshot: true },
      { project: "p", stack: "dev", organization: "o" },
    );
    expect(result.remediated).toEqual([
      { policy: "fix", resourceType: r.type, resourceName: r.name, urn: r.urn, changes: [{ path: "index", before: 3, after: 99 }] },
    ]);
    const analyzed = log.calls.find((c) => c.method === "analyze")?.req as analyzerPb.AnalyzeRequest;
    expect(analyzed.getProperties()?.toJavaScript()).toEqual({ index: 3 });
    const stackReq = log.calls.find((c) => c.method === "analyzeStack")?.req as analyzerPb.AnalyzeStackRequest;
    expect(stackReq.getResourcesList()[0].getProperties()?.toJavaScript()).toEqual({ index: 3, arn: "arn:x" });
  });
});

describe("requests", () => {
  it("send and read enforcement levels as analyzer.proto numbers", async () => {
    const configures: analyzerPb.ConfigureAnalyzerRequest[] = [];
    const pack: AnalyzerCalls = {
      call: async <T>(method: string, req: unknown): Promise<T> => {
        if (method === "getAnalyzerInfo") {
          const info = new pb.AnalyzerInfo();
          info.setPoliciesList(
            ["a", "m", "d", "r"].map((name) => {
              const policy = new pb.PolicyInfo();
              policy.setName(name);
              return policy;
            }),
          );
          return info as T;
        }
        if (method === "configure") {
          configures.push(req as analyzerPb.ConfigureAnalyzerRequest);
          return undefined as T;
        }
        const response = new pb.AnalyzeResponse();
        response.setDiagnosticsList(
          [pb.EnforcementLevel.REMEDIATE, pb.EnforcementLevel.DISABLED].map((level) => {
            const d = new pb.AnalyzeDiagnostic();
            d.setPolicyname("p");
            d.setEnforcementlevel(level);
            return d;
          }),
        );
        return response as T;
      },
      optional: async () => undefined,
      close: () => undefined,
    };
    const session = await AnalyzerSession.over(pack, protocol, "/pack");
    const level = (enforcementLevel: EnforcementLevel): { enforcementLevel: EnforcementLevel; properties: Record<string, unknown> } => ({
      enforcementLevel,
      properties: {},
    });
    await session.configure({ a: level("advisory"), m: level("mandatory"), d: level("disabled"), r: level("remediate") }, "cfg.json");
    expect(Object.fromEntries(configures[0].toObject().policyconfigMap.map(([name, c]) => [name, c.enforcementlevel]))).toEqual({
      a: pb.EnforcementLevel.ADVISORY,
      m: pb.EnforcementLevel.MANDATORY,
      d: pb.EnforcementLevel.DISABLED,
      r: pb.EnforcementLevel.REMEDIATE,
    });
    const { diagnostics } = await session.analyze(
      { project: "p", stack: "dev", entry: "index.ts", resources: [], invokes: [] },
      { project: "p", stack: "dev", organization: "o" },
    );
    expect(diagnostics.map((d) => d.enforcementLevel)).toEqual(["remediate", "disabled"]);
  });

  it("leave the pack's own levels as GetAnalyzerInfo declares them, with its initial config applied, whatever Configure sends", async () => {
    const info = new pb.AnalyzerInfo();
    const levels = { a: pb.EnforcementLevel.ADVISORY, m: pb.EnforcementLevel.MANDATORY, d: pb.EnforcementLevel.DISABLED };
    info.setPoliciesList(
      Object.entries(levels).map(([name, level]) => {
        const policy = new pb.PolicyInfo();
        policy.setName(name);
        policy.setEnforcementlevel(level);
        return policy;
      }),
    );
    const initial = new pb.PolicyConfig();
    initial.setEnforcementlevel(pb.EnforcementLevel.REMEDIATE);
    info.getInitialconfigMap().set("a", initial);
    const pack: AnalyzerCalls = {
      call: async <T>(method: string): Promise<T> => (method === "getAnalyzerInfo" ? info : undefined) as T,
      optional: async () => undefined,
      close: () => undefined,
    };
    const session = await AnalyzerSession.over(pack, protocol, "/pack");
    await session.configure({ all: { enforcementLevel: "mandatory", properties: {} } }, "cfg.json");
    expect(session.packLevels()).toEqual({ a: "remediate", m: "mandatory", d: "disabled" });
  });

  it("describe a resource alike to Remediate, Analyze and AnalyzeStack: identity, options and provider", async () => {
    const log = new CallLog();
    const session = await AnalyzerSession.over(log, protocol, "/pack", 4);
    const provider: RecordedResource = {
      ...resource(0),
      urn: "urn:pulumi:dev::p::pulumi:providers:aws::west",
      type: "pulumi:providers:aws",
      name: "west",
      inputs: { region: "us-west-2" },
    };
    const bucket: RecordedResource = {
      ...resource(1),
      provider: provider.urn,
      parent: "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev",
      options: {
        ...resource(1).options,
        protect: true,
        deleteBeforeReplace: true,
        customTimeouts: { createSeconds: 60, updateSeconds: 0, deleteSeconds: 5 },
      },
    };
    await session.analyze(
      { project: "p", stack: "dev", entry: "index.ts", resources: [provider, bucket], invokes: [] },
      { project: "p", stack: "dev", organization: "o" },
    );
    const shared = ({
      urn,
      type,
      name,
      options,
      provider,
    }: analyzerPb.AnalyzeRequest.AsObject | analyzerPb.AnalyzerResource.AsObject): object => ({ urn, type, name, options, provider });
    const [remediate, analyze] = ["remediate", "analyze"].map((m) =>
      (log.calls.filter((c) => c.method === m)[1].req as analyzerPb.AnalyzeRequest).toObject(),
    );
    const stackResource = (log.calls.find((c) => c.method === "analyzeStack")?.req as analyzerPb.AnalyzeStackRequest)
      .getResourcesList()[1]
      .toObject();
    expect(shared(remediate)).toMatchObject({
      urn: bucket.urn,
      type: bucket.type,
      name: bucket.name,
      options: {
        protect: true,
        deletebeforereplace: true,
        deletebeforereplacedefined: true,
        customtimeouts: { create: 60, update: 0, pb_delete: 5 },
        parent: bucket.parent,
      },
      provider: {
        urn: provider.urn,
        type: "pulumi:providers:aws",
        name: "west",
        properties: { fieldsMap: [["region", { stringValue: "us-west-2" }]] },
      },
    });
    expect(shared(analyze)).toEqual(shared(remediate));
    expect(shared(stackResource)).toEqual(shared(remediate));
  });
});
