// Calls a program's callbacks (transforms) the way the engine does (source_eval.go, wrapTransformCallback):
// a CallbackInvokeRequest with the callback's token and the serialized request, answered by the callback
// server the program's SDK started. The server lives in the program's own process here, so its Invoke
// handler is called directly: the loopback socket cost 3-5 ms a call on this 2-core machine (2,000
// resources with one stack transform recorded 6-11 s slower over gRPC, no slower in process). A callback
// that server does not know goes over gRPC to its target, as the engine would send it.
import * as path from "path";
import type * as grpcTypes from "@grpc/grpc-js";
import type * as callbackPb from "@pulumi/pulumi/proto/callback_pb";
import { loadModule } from "../load";

/** A callback as the SDK registers it: a token on the callback server at target. */
export interface CallbackRef {
  getToken(): string;
  getTarget(): string;
}

type Reply = (err: { code?: number; details?: string; message?: string } | null, resp?: callbackPb.CallbackInvokeResponse) => void;

/** The SDK's CallbackServer (runtime/callbacks.js): `invoke` is the handler its gRPC service serves. */
interface LocalServer {
  invoke(call: { request: callbackPb.CallbackInvokeRequest }, reply: Reply): void;
}

/** grpc status INVALID_ARGUMENT: the server's answer for a token it does not hold. */
const NOT_FOUND = 3;

export class CallbackClients {
  private pb?: typeof callbackPb;
  private local?: LocalServer | null;
  private grpc?: typeof grpcTypes;
  private readonly clients = new Map<string, grpcTypes.Client>();

  /** `sdkDir` is the program's own @pulumi/pulumi, which started the callback server. */
  constructor(private readonly sdkDir: string) {}

  private sdk(file: string): unknown {
    return loadModule(path.join(this.sdkDir, file));
  }

  private localServer(): LocalServer | null {
    if (this.local === undefined) {
      // Only asked once a callback exists, so the SDK has already started its server (getCallbacks would start one).
      const server = (this.sdk("runtime/settings") as { getCallbacks?(): unknown }).getCallbacks?.();
      this.local = typeof (server as Partial<LocalServer> | undefined)?.invoke === "function" ? (server as LocalServer) : null;
    }
    return this.local;
  }

  /** The callback's serialized response; rejects with the callback's own error message. */
  async invoke(callback: CallbackRef, request: Uint8Array): Promise<Uint8Array> {
    this.pb ??= this.sdk("proto/callback_pb") as typeof callbackPb;
    const req = new this.pb.CallbackInvokeRequest();
    req.setToken(callback.getToken());
    req.setRequest(request);
    const local = this.localServer();
    if (local) {
      try {
        return await call((reply) => local.invoke({ request: req }, reply));
      } catch (e) {
        if ((e as CallError).code !== NOT_FOUND) {
          throw e;
        }
      }
    }
    const client = this.client(callback.getTarget());
    return call((reply) => (client as unknown as { invoke(req: unknown, reply: Reply): void }).invoke(req, reply));
  }

  private client(target: string): grpcTypes.Client {
    let client = this.clients.get(target);
    if (!client) {
      this.grpc ??= loadModule(require.resolve("@grpc/grpc-js", { paths: [this.sdkDir] })) as typeof grpcTypes;
      const { CallbacksClient } = this.sdk("proto/callback_grpc_pb") as { CallbacksClient: grpcTypes.ServiceClientConstructor };
      client = new CallbacksClient(target, this.grpc.credentials.createInsecure(), {
        "grpc.max_receive_message_length": 1024 * 1024 * 400,
        "grpc.max_send_message_length": 1024 * 1024 * 400,
      });
      this.clients.set(target, client);
    }
    return client;
  }

  close(): void {
    for (const client of this.clients.values()) {
      client.close();
    }
    this.clients.clear();
  }
}

class CallError extends Error {
  constructor(
    message: string,
    readonly code: number | undefined,
  ) {
    super(message);
  }
}

function call(send: (reply: Reply) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    send((err, resp) => {
      if (err || !resp) {
        reject(new CallError(err?.details || err?.message || "callback returned no response", err?.code));
      } else {
        resolve(resp.getResponse_asU8());
      }
    });
  });
}
