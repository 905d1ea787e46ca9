// The provider's side of a program's function calls (invokes): answered from the provider model, as the
// engine answers from the provider plugin, and each call recorded with whether the model could answer.
// It replaces the mock monitor's own `invoke`, which can only return a property map, because an answer
// may also be the provider's refusal (the SDK throws `Invoke of '<token>' failed: ...`) or wholly
// unknown (the engine's `unknown` response, which the SDK turns into an unknown result).
//
// A call whose arguments are unknown never arrives here: the SDK answers it unknown itself without
// asking the monitor (`runtime/invoke.js`), as it does with the engine.
import * as path from "path";
import { createRequire } from "module";
import type * as resproto from "@pulumi/pulumi/proto/resource_pb";
import type * as providerproto from "@pulumi/pulumi/proto/provider_pb";
import type * as structproto from "google-protobuf/google/protobuf/struct_pb";
import { answerFunction, UNKNOWN, type FunctionAnswer } from "../../model";
import type { Recorder } from "./recorder";

type Done = (err: unknown, resp?: unknown) => void;

/** The part of the SDK's mock monitor this replaces. */
export interface InvokingMonitor {
  invoke(req: resproto.ResourceInvokeRequest, cb: Done): void;
}

interface Protos {
  ResourceInvokeResponse: typeof resproto.ResourceInvokeResponse;
  CheckFailure: typeof providerproto.CheckFailure;
  Struct: typeof structproto.Struct;
}

/** The response classes of the program's own SDK, so the SDK reads the response it expects. */
function protosOf(sdkDir: string): Protos {
  const load = createRequire(path.join(sdkDir, "package.json"));
  return {
    ResourceInvokeResponse: (load("./proto/resource_pb") as typeof resproto).ResourceInvokeResponse,
    CheckFailure: (load("./proto/provider_pb") as typeof providerproto).CheckFailure,
    Struct: (load("google-protobuf/google/protobuf/struct_pb") as typeof structproto).Struct,
  };
}

/** The ResourceInvokeResponse the engine would send for the answer. */
export function invokeResponse(protos: Protos, answer: FunctionAnswer): resproto.ResourceInvokeResponse {
  const response = new protos.ResourceInvokeResponse();
  if (answer.failures.length > 0) {
    response.setFailuresList(answer.failures.map((f) => new protos.CheckFailure().setProperty(f.property).setReason(f.reason)));
  } else if (answer.outputs === UNKNOWN) {
    response.setUnknown(true);
  } else {
    response.setReturn(protos.Struct.fromJavaScript(answer.outputs as Parameters<typeof structproto.Struct.fromJavaScript>[0]));
  }
  return response;
}

/**
 * Answers `monitor`'s invokes (in place) from the provider model. The SDK's own `pulumi:pulumi:getResource`
 * stays with the mock monitor, which keeps the registered resources. `outputNames` gives the output
 * names of a function the model does not compute.
 */
export function answerInvokes(
  monitor: InvokingMonitor,
  recorder: Recorder,
  sdkDir: string,
  outputNames: (token: string) => string[] | undefined,
): void {
  const protos = protosOf(sdkDir);
  const mockInvoke = monitor.invoke.bind(monitor);
  monitor.invoke = (req, cb) => {
    const token = req.getTok();
    if (token === "pulumi:pulumi:getResource") {
      mockInvoke(req, cb);
      return;
    }
    try {
      const args = req.getArgs()?.toJavaScript() ?? {};
      const answer = answerFunction({ token, args, provider: recorder.invokeProviderInputs(req) }, () => outputNames(token));
      recorder.invoke(token, answer.answered);
      cb(null, invokeResponse(protos, answer));
    } catch (err) {
      // The SDK shows an invoke error's `details`, as it would the engine's.
      cb(
        Object.assign(new Error(String(err)), {
          details: `the provider model failed on ${token}: ${err instanceof Error ? err.message : String(err)}`,
        }),
      );
    }
  };
}
