// The engine's side of transforms, set up in process for the tests: a scripted callback server (the part
// of the program's SDK that answers TransformRequests), a mock monitor routed through the recorder, and
// the wire values around a transform.
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import * as callbackproto from "@pulumi/pulumi/proto/callback_pb";
import { CallbacksService } from "@pulumi/pulumi/proto/callback_grpc_pb";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { recordThrough, type MockMonitor } from "../../checker/record/monitor";
import { OUTPUT_SIG, SECRET_SIG, SIG_KEY } from "../../checker/record/properties";
import { Recorder } from "../../checker/record/recorder";

const SDK_DIR = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
/** A secret as the SDK sends it. */
export const secret = (value: unknown): Record<string, unknown> => ({ [SIG_KEY]: SECRET_SIG, value });
/** An output value (known or not, secret or not, with its dependencies) as a transform sees it. */
export const output = (fields: Record<string, unknown>): Record<string, unknown> => ({ [SIG_KEY]: OUTPUT_SIG, ...fields });

/** How the program's SDK answers one callback: the serialized response to the serialized request. */
export type Answer = (request: Uint8Array) => Promise<Uint8Array> | Uint8Array;

/** The program's callback server: answers each token with a scripted function, and logs the calls. */
export class CallbackServer {
  readonly calls: { token: string; request: Uint8Array }[] = [];
  private readonly answers = new Map<string, Answer>();
  private readonly server = new grpc.Server();
  target = "";

  async start(): Promise<void> {
    this.server.addService(CallbacksService, {
      invoke: (
        call: grpc.ServerUnaryCall<callbackproto.CallbackInvokeRequest, unknown>,
        reply: grpc.sendUnaryData<callbackproto.CallbackInvokeResponse>,
      ) => {
        const token = call.request.getToken();
        const request = call.request.getRequest_asU8();
        this.calls.push({ token, request });
        Promise.resolve()
          .then(() => this.answers.get(token)?.(request) ?? Promise.reject(new Error(`callback not found: ${token}`)))
          .then(
            (bytes) => reply(null, new callbackproto.CallbackInvokeResponse().setResponse(bytes)),
            (e: Error) => reply({ code: grpc.status.UNKNOWN, details: `transform failed: ${e.message}` }),
          );
      },
    });
    const port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
    );
    this.target = `127.0.0.1:${port}`;
  }

  callback(token: string, answer: Answer): callbackproto.Callback {
    this.answers.set(token, answer);
    return new callbackproto.Callback().setToken(token).setTarget(this.target);
  }

  tokens(): string[] {
    return this.calls.map((c) => c.token);
  }

  stop(): void {
    this.server.forceShutdown();
  }
}

/** A resource transform as the SDK answers it; `change` returning undefined means "unchanged". */
export function resourceTransform(
  change: (req: resproto.TransformRequest) => { props?: object; opts?: resproto.TransformResourceOptions } | undefined,
): Answer {
  return (bytes) => {
    const req = resproto.TransformRequest.deserializeBinary(bytes);
    const result = change(req);
    const resp = new resproto.TransformResponse();
    resp.setProperties(result?.props ? Struct.fromJavaScript(result.props as never) : req.getProperties());
    resp.setOptions(result?.opts ?? req.getOptions());
    return resp.serializeBinary();
  };
}

/** A registration as the SDK sends it. */
export function registration(
  type: string,
  name: string,
  parent: string,
  custom: boolean,
  object: Record<string, unknown> = {},
): resproto.RegisterResourceRequest {
  const req = new resproto.RegisterResourceRequest();
  req.setType(type);
  req.setName(name);
  req.setParent(parent);
  req.setCustom(custom);
  req.setObject(Struct.fromJavaScript(object as never));
  return req;
}

/** The monitor under test, the recorder behind it, and what reached the mock. */
export interface Harness {
  monitor: MockMonitor;
  recorder: Recorder;
  /** What reached the mock's own registerResource and invoke, in order. */
  registered: resproto.RegisterResourceRequest[];
  invoked: resproto.ResourceInvokeRequest[];
  errors: Error[];
  register(req: resproto.RegisterResourceRequest): Promise<unknown>;
  close(): void;
}

/** A mock monitor routed through a fresh recorder, as the checker's child sets one up. */
export function harness(): Harness {
  const registered: resproto.RegisterResourceRequest[] = [];
  const invoked: resproto.ResourceInvokeRequest[] = [];
  const errors: Error[] = [];
  const monitor: MockMonitor = {
    newUrn: () => "mock-urn",
    registerResource: (req, cb) => {
      registered.push(req);
      cb(null, { setUrn: () => undefined });
    },
    registerResourceOutputs: (_req, cb) => cb(null, {}),
    registerStackTransform: (_req, cb) => cb(null, {}),
    registerStackInvokeTransform: (_req, cb) => cb(null, {}),
    invoke: (req, cb) => {
      invoked.push(req);
      cb(null, {});
    },
  };
  const recorder = new Recorder("proj", "dev", "/prog/index.ts", "/prog", { values: {}, secretKeys: [] });
  const close = recordThrough(monitor, recorder, SDK_DIR, { onRecorded: () => undefined, onError: (e) => errors.push(e) });
  const register = (req: resproto.RegisterResourceRequest): Promise<unknown> =>
    new Promise((resolve) => monitor.registerResource(req, (err) => resolve(err)));
  return { monitor, recorder, registered, invoked, errors, register, close };
}

/** A callback for a monitor call whose answer the test does not read. */
export const done = (): ((err: unknown) => void) => () => undefined;
