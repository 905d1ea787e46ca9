// The Analyzer gRPC client, built from the stubs in the PACK's own @pulumi/pulumi (and the grpc-js and
// google-protobuf copies those stubs use), so messages match what the pack's server deserializes.
import * as path from "path";
import type * as grpcTypes from "@grpc/grpc-js";
import type * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import type * as structPb from "google-protobuf/google/protobuf/struct_pb";
import { CheckError } from "../errors";
import { loadModule } from "../load";
import type * as emptyPb from "google-protobuf/google/protobuf/empty_pb";

export interface Protocol {
  pb: typeof analyzerPb;
  struct: typeof structPb;
  empty: typeof emptyPb;
  grpc: typeof grpcTypes;
  Client: grpcTypes.ServiceClientConstructor;
}

export function loadProtocol(packDir: string): Protocol {
  const pbFile = require.resolve("@pulumi/pulumi/proto/analyzer_pb", { paths: [packDir] });
  const protoDir = path.dirname(pbFile);
  const from = (request: string): unknown => loadModule(require.resolve(request, { paths: [protoDir] }));
  const grpcStubs = loadModule(path.join(protoDir, "analyzer_grpc_pb")) as { AnalyzerClient: grpcTypes.ServiceClientConstructor };
  return {
    pb: loadModule(pbFile) as typeof analyzerPb,
    struct: from("google-protobuf/google/protobuf/struct_pb") as typeof structPb,
    empty: from("google-protobuf/google/protobuf/empty_pb") as typeof emptyPb,
    grpc: from("@grpc/grpc-js") as typeof grpcTypes,
    Client: grpcStubs.AnalyzerClient,
  };
}

/** A call the pack failed; `dropped` when the connection was lost (the pack died) rather than the call refused. */
export class PackCallError extends CheckError {
  constructor(what: string, readonly details: string, readonly dropped: boolean) {
    super(`policy pack failed during ${what}: ${details}`);
  }
}

type Unary = (req: unknown, cb: (err: grpcTypes.ServiceError | null, resp: unknown) => void) => void;

/** What a session needs from a connection to a pack. */
export interface AnalyzerCalls {
  call<T>(method: string, req: unknown, what?: string): Promise<T>;
  optional(method: string, req: unknown): Promise<void>;
  close(): void;
}

export class AnalyzerConnection implements AnalyzerCalls {
  private readonly client: grpcTypes.Client;

  constructor(readonly protocol: Protocol, address: string) {
    this.client = new protocol.Client(address, protocol.grpc.credentials.createInsecure(), {
      "grpc.max_receive_message_length": 1024 * 1024 * 400,
      "grpc.max_send_message_length": 1024 * 1024 * 400,
    });
  }

  /** Rejects with a CheckError: a pack that throws inside a policy cannot be judged. */
  async call<T>(method: string, req: unknown, what = method): Promise<T> {
    try {
      return await this.raw<T>(method, req);
    } catch (e) {
      const err = e as grpcTypes.ServiceError;
      if (err.code === this.protocol.grpc.status.UNIMPLEMENTED) {
        throw e;
      }
      const details = (err.details ?? err.message ?? "").split("\n").filter((l) => l.trim() && !l.trim().startsWith("at "));
      throw new PackCallError(what, details.slice(0, 2).join(" ").replace(/:$/, ""), err.code === this.protocol.grpc.status.UNAVAILABLE);
    }
  }

  private raw<T>(method: string, req: unknown): Promise<T> {
    const fn = (this.client as unknown as Record<string, Unary>)[method].bind(this.client);
    return new Promise<T>((resolve, reject) => {
      fn(req, (err, resp) => (err ? reject(err) : resolve(resp as T)));
    });
  }

  /** The engine tolerates analyzers that predate Handshake/ConfigureStack; so do we. */
  async optional(method: string, req: unknown): Promise<void> {
    try {
      await this.call(method, req);
    } catch (e) {
      if ((e as grpcTypes.ServiceError).code !== this.protocol.grpc.status.UNIMPLEMENTED) {
        throw e;
      }
    }
  }

  close(): void {
    this.client.close();
  }
}
