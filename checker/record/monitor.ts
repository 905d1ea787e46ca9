// The SDK's mock monitor, wrapped so that the recorder sees what the engine's resource monitor would
// register. The mock supports every feature the SDK asks about (transforms included), so the SDK sends
// its callbacks; the mock only hands them to the mocks, so here they run as the engine runs them.
// URNs are the engine's, and a component's outputs land on the recorded component.
import type * as resproto from "@pulumi/pulumi/proto/resource_pb";
import { ArrivalOrder } from "./arrival";
import { CallbackClients, type CallbackRef } from "./callbacks";
import type { Recorder } from "./recorder";
import { Transforms } from "./transforms";

type Done<T = unknown> = (err: unknown, resp?: T) => void;

/** The parts of the SDK's MockMonitor (runtime/mocks.js) the recording goes through. */
export interface MockMonitor {
  newUrn(parent: string, type: string, name: string): string;
  registerResource(req: resproto.RegisterResourceRequest, cb: Done<{ setUrn(urn: string): void }>): void;
  registerResourceOutputs(req: { getUrn(): string; getOutputs(): { toJavaScript(): Record<string, unknown> } | undefined }, cb: Done): void;
  registerStackTransform(req: CallbackRef, cb: Done): void;
  registerStackInvokeTransform(req: CallbackRef, cb: Done): void;
  invoke(req: resproto.ResourceInvokeRequest, cb: Done): void;
}

export interface RecordHooks {
  /** The number of resources recorded, after each one. */
  onRecorded(count: number): void;
  /** A registration the engine would refuse (a transform failed): the program cannot be judged. */
  onError(error: Error): void;
}

/**
 * Routes `monitor`'s registrations, outputs, stack transforms and invokes through `recorder` (in
 * place); `sdkDir` is the program's @pulumi/pulumi. Returns what releases the connections to the
 * program's callback server.
 */
export function recordThrough(monitor: MockMonitor, recorder: Recorder, sdkDir: string, hooks: RecordHooks): () => void {
  const callbacks = new CallbackClients(sdkDir);
  const transforms = new Transforms(sdkDir, callbacks);
  const order = new ArrivalOrder();
  const register = monitor.registerResource.bind(monitor);
  const invoke = monitor.invoke.bind(monitor);

  // The mock keys what it registered by the URNs it makes; engine-style ones let `pulumi:pulumi:getResource`
  // (a resource reference the SDK rehydrates, in a transform's props for one) find what was registered.
  monitor.newUrn = (parent, type, name) => recorder.urnOf(type, name, parent);
  const record = (req: resproto.RegisterResourceRequest): string => {
    const urn = recorder.register(req);
    hooks.onRecorded(recorder.resources.length);
    return urn;
  };
  // The mock registers what the transforms produced, so the program's outputs reflect it too.
  const forward = (req: resproto.RegisterResourceRequest, urn: string, cb: Done<{ setUrn(urn: string): void }>): void => {
    register(req, (err, resp) => {
      resp?.setUrn(urn);
      cb(err, resp);
    });
  };

  monitor.registerResource = (req, cb) => {
    if (!transforms.active && req.getTransformsList().length === 0) {
      // A program without transforms: recorded as it arrives, nothing to run or wait for.
      forward(req, record(req), cb);
      return;
    }
    // Transforms cannot change a type, name or parent, so the URN is known before they run.
    const urn = recorder.urnOf(req.getType(), req.getName(), req.getParent());
    const plan = transforms.plan(req, urn);
    if (plan.length === 0) {
      order.then(() => void record(req));
      forward(req, urn, cb);
      return;
    }
    const ticket = order.ticket();
    transforms.resource(req, plan).then(
      () => {
        order.complete(ticket, () => void record(req));
        forward(req, urn, cb);
      },
      (err: unknown) => {
        order.complete(ticket, () => undefined);
        // Silently missing from the recording, the resource would pass every policy.
        const message = err instanceof Error ? err.message : String(err);
        hooks.onError(new Error(`failed to register new resource ${req.getName()} [${req.getType()}]: ${message}`));
        cb(err);
      },
    );
  };
  // The SDK sends outputs with the URNs it was given, the engine-style ones.
  monitor.registerResourceOutputs = (req, cb) => {
    const urn = req.getUrn();
    const outputs = req.getOutputs()?.toJavaScript() ?? {};
    order.then(() => recorder.registerOutputs(urn, outputs));
    cb(null, {});
  };
  monitor.registerStackTransform = (req, cb) => {
    transforms.addResourceTransform(req);
    cb(null, {});
  };
  monitor.registerStackInvokeTransform = (req, cb) => {
    transforms.addInvokeTransform(req);
    cb(null, {});
  };
  // An invoke whose transform fails fails like any other invoke: the program decides what follows.
  monitor.invoke = (req, cb) => {
    if (!transforms.transformsInvokes) {
      invoke(req, cb);
      return;
    }
    transforms.invoke(req).then(
      () => invoke(req, cb),
      (err: unknown) => cb(err),
    );
  };
  return () => callbacks.close();
}
