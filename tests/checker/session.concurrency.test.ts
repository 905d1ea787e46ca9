// AnalyzerSession against scripted packs that answer out of order or fail: bounded concurrency,
// registration order in the report, and which resources a failure names.
import type * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import { PackCallError, type AnalyzerCalls } from "../../checker/analyze/client";
import { packProcesses } from "../../checker/analyze/lanes";
import { AnalyzerSession, mapBounded } from "../../checker/analyze/session";
import type { Recording } from "../../checker/types";
import { asSent, pb, protocol, resource } from "./analyzerSession";

/** Lets `turns` turns of the event loop pass: calls finish out of order without depending on a clock. */
const turns = async (n: number): Promise<void> => {
  for (let k = 0; k < n; k++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
};

/**
 * A scripted pack: resources with higher indexes answer sooner, so calls finish out of registration
 * order; every third resource is remediated (its `index` doubled), every resource gets one finding.
 */
class ScriptedPack implements AnalyzerCalls {
  inFlight = 0;
  maxInFlight = 0;
  readonly finished: string[] = [];
  readonly analyzedInputs: unknown[] = [];
  stackResources: string[] = [];
  /** The stacks ConfigureStack named, in order. */
  readonly configuredStacks: string[] = [];

  constructor(private readonly count: number) {}

  async call<T>(method: string, req: unknown): Promise<T> {
    if (method === "getAnalyzerInfo") {
      return new pb.AnalyzerInfo() as T;
    }
    if (method === "configure") {
      return undefined as T;
    }
    if (method === "analyzeStack") {
      this.stackResources = asSent<analyzerPb.AnalyzeStackRequest>(method, req)
        .getResourcesList()
        .map((r) => r.getName());
      return new pb.AnalyzeResponse() as T;
    }
    const request = asSent<analyzerPb.AnalyzeRequest>(method, req);
    const props = request.getProperties()?.toJavaScript() as { index: number };
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await turns((this.count - props.index) % 7);
    this.inFlight--;
    if (method === "remediate") {
      const response = new pb.RemediateResponse();
      if (props.index % 3 === 0) {
        const remediation = new pb.Remediation();
        remediation.setPolicyname("double");
        remediation.setProperties(protocol.struct.Struct.fromJavaScript({ index: props.index * 2 }));
        response.setRemediationsList([remediation]);
      }
      return response as T;
    }
    this.finished.push(request.getName());
    this.analyzedInputs.push(props.index);
    const diagnostic = new pb.AnalyzeDiagnostic();
    diagnostic.setPolicyname("p");
    diagnostic.setMessage(`finding on ${request.getName()}`);
    const response = new pb.AnalyzeResponse();
    response.setDiagnosticsList([diagnostic]);
    return response as T;
  }

  async optional(method: string, req: unknown): Promise<void> {
    if (method === "configureStack") {
      this.configuredStacks.push((req as analyzerPb.AnalyzerStackConfigureRequest).getStack());
    }
  }

  close(): void {
    // Nothing to release.
  }
}

/** A pack whose Remediate of `culprit` fails: by dying (every request in flight dropped) or by refusing that call. */
class FailingPack implements AnalyzerCalls {
  private die: (error: Error) => void = () => undefined;
  private readonly death = new Promise<never>((_, reject) => {
    this.die = reject;
  });

  constructor(
    private readonly dies: boolean,
    private readonly culprit = "b3",
  ) {
    this.death.catch(() => undefined);
  }

  async call<T>(method: string, req: unknown): Promise<T> {
    if (method === "getAnalyzerInfo") {
      return new pb.AnalyzerInfo() as T;
    }
    const name = asSent<analyzerPb.AnalyzeRequest>(method, req).getName();
    if (name === this.culprit) {
      const error = new PackCallError(`Remediate of ${name}`, this.dies ? "Connection dropped" : "boom", this.dies);
      this.die(error);
      throw error;
    }
    return this.death;
  }

  async optional(): Promise<void> {
    // Not needed by these tests.
  }

  close(): void {
    // Nothing to release.
  }
}

/** Forty buckets in one stack, and its identity. */
const count = 40;
const recording: Recording = {
  project: "p",
  stack: "dev",
  entry: "index.ts",
  resources: Array.from({ length: count }, (_, i) => resource(i)),
  invokes: [],
};
const identity = { project: "p", stack: "dev", organization: "o" };

describe("analyze concurrency", () => {
  it("reports in registration order whatever order the pack answers in, with at most N requests in flight", async () => {
    const pack = new ScriptedPack(count);
    const session = await AnalyzerSession.over(pack, protocol, "/pack", 4);
    const result = await session.analyze(recording, identity);

    const names = recording.resources.map((r) => r.name);
    expect(pack.finished).not.toEqual(names);
    expect(pack.finished.sort()).toEqual([...names].sort());
    expect(pack.maxInFlight).toBe(4);
    expect(result.diagnostics.map((d) => d.message)).toEqual(names.map((n) => `finding on ${n}`));
    expect(result.diagnostics.map((d) => d.urn)).toEqual(recording.resources.map((r) => r.urn));
    expect(result.remediated.map((r) => r.resourceName)).toEqual(names.filter((_, i) => i % 3 === 0));
    expect(pack.stackResources).toEqual(names);
  });

  it("analyzes each resource on its remediated inputs", async () => {
    const pack = new ScriptedPack(count);
    const session = await AnalyzerSession.over(pack, protocol, "/pack", 8);
    const result = await session.analyze(recording, identity);

    expect([...pack.analyzedInputs].sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: count }, (_, i) => (i % 3 === 0 ? i * 2 : i)).sort((a, b) => a - b),
    );
    expect(result.remediated[1].changes).toEqual([{ path: "index", before: 3, after: 6 }]);
  });

  it("names every resource in flight when the pack dies, since any of them may have killed it", async () => {
    const session = await AnalyzerSession.over(new FailingPack(true), protocol, "/pack", 4);
    await expect(session.analyze(recording, identity)).rejects.toThrow(
      "policy pack failed during Remediate or Analyze of one of 4 resources in flight (b0, b1, b2, b3): Connection dropped",
    );
  });

  it("lists ten of many resources in flight and counts the rest", async () => {
    const session = await AnalyzerSession.over(new FailingPack(true, "b11"), protocol, "/pack", 12);
    await expect(session.analyze(recording, identity)).rejects.toThrow(
      "policy pack failed during Remediate or Analyze of one of 12 resources in flight (b0, b1, b2, b3, b4, b5, b6, b7, b8, b9 and 2 more): Connection dropped",
    );
  });

  it("keeps the message of a call the pack refused, which names its resource", async () => {
    const session = await AnalyzerSession.over(new FailingPack(false), protocol, "/pack", 4);
    await expect(session.analyze(recording, identity)).rejects.toThrow(/^policy pack failed during Remediate of b3: boom$/);
  });

  it("starts nothing after a failure and rejects with the first one", async () => {
    // Each call settles only when the test says so: the order of events is fixed, not left to timers.
    const calls = new Map<number, { resolve(v: number): void; reject(e: Error): void }>();
    const run = mapBounded(
      [0, 1, 2, 3, 4, 5],
      2,
      (i) =>
        new Promise<number>((resolve, reject) => {
          calls.set(i, { resolve, reject });
        }),
    );
    const outcome = run.then(
      () => "resolved",
      (e: Error) => e.message,
    );
    expect([...calls.keys()]).toEqual([0, 1]);
    calls.get(1)?.reject(new Error("failed 1"));
    // The worker that ran 1 has stopped; the one still running 0 finishes it and must start nothing more.
    calls.get(0)?.resolve(0);
    expect(await outcome).toBe("failed 1");
    await new Promise((resolve) => setImmediate(resolve));
    expect([...calls.keys()]).toEqual([0, 1]);
  });

  it("rejects with the first failure even when a later one follows", async () => {
    const calls = new Map<number, (e: Error) => void>();
    const run = mapBounded(
      [0, 1],
      2,
      (i) =>
        new Promise<number>((_, reject) => {
          calls.set(i, reject);
        }),
    );
    const outcome = run.then(
      () => "resolved",
      (e: Error) => e.message,
    );
    calls.get(1)?.(new Error("failed 1"));
    calls.get(0)?.(new Error("failed 0"));
    expect(await outcome).toBe("failed 1");
  });

  it("maps an empty list without calling anything", async () => {
    await expect(mapBounded([], 4, () => Promise.reject(new Error("called")))).resolves.toEqual([]);
  });
});

describe("analyze over several pack processes", () => {
  /** A session over `first` whose further sessions (over `more`) are opened by the returned `start`, counting its calls. */
  async function spreadSession(first: ScriptedPack, more: ScriptedPack[], threshold: number) {
    const session = await AnalyzerSession.over(first, protocol, "/pack", 4);
    const started = { times: 0 };
    session.spreadOver(async () => {
      started.times++;
      return Promise.all(more.map((pack) => AnalyzerSession.over(pack, protocol, "/pack", 4)));
    }, threshold);
    return { session, started };
  }

  it("from the threshold on, shares Remediate and Analyze with the further processes and reports what one process does", async () => {
    const alone = await (await AnalyzerSession.over(new ScriptedPack(count), protocol, "/pack", 4)).analyze(recording, identity);
    const first = new ScriptedPack(count);
    const more = [new ScriptedPack(count), new ScriptedPack(count)];
    const { session } = await spreadSession(first, more, count);

    expect(await session.analyze(recording, identity)).toEqual(alone);
    for (const pack of [first, ...more]) {
      expect(pack.finished.length).toBeGreaterThan(0);
    }
    expect([first, ...more].flatMap((pack) => pack.finished).sort()).toEqual(recording.resources.map((r) => r.name).sort());
    // AnalyzeStack goes to the first process only, over every resource.
    expect(first.stackResources).toEqual(recording.resources.map((r) => r.name));
    expect(more.map((pack) => pack.stackResources)).toEqual([[], []]);
  });

  it("below the threshold, starts no further process", async () => {
    const first = new ScriptedPack(count);
    const { session, started } = await spreadSession(first, [new ScriptedPack(count)], count + 1);
    await session.analyze(recording, identity);
    expect(started.times).toBe(0);
    expect(first.finished).toHaveLength(count);
  });

  it("starts the further processes once for every later stack (an audit), configuring each for the stack at hand", async () => {
    const helper = new ScriptedPack(count);
    const { session, started } = await spreadSession(new ScriptedPack(count), [helper], count);
    await session.analyze(recording, identity);
    await session.analyze({ ...recording, stack: "prod" }, { ...identity, stack: "prod" });
    expect(started.times).toBe(1);
    expect(helper.configuredStacks).toEqual(["dev", "prod"]);
    expect(helper.finished.length).toBeGreaterThan(count / 4);
  });

  it("uses one process per core but the checker's, at least one and at most four", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 16].map((cpus) => packProcesses(cpus))).toEqual([1, 1, 1, 2, 3, 4, 4, 4]);
  });
});
