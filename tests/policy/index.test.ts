import type * as grpcModule from "@grpc/grpc-js";
import type * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { packName, policies } from "../../policies/pack";

type Implementation = Record<string, (call: unknown, callback: (error: unknown, info: analyzerPb.AnalyzerInfo) => void) => void>;

// The entry the engine requires: it must serve exactly the pack from pack.ts and print nothing
// but the port (here the server is stubbed, so it must print nothing at all).
describe("policies/index.ts", () => {
  it("constructs the PolicyPack from pack.ts without writing to stdout", async () => {
    let implementation: Implementation = {};
    const stdout = jest.spyOn(process.stdout, "write");
    jest.isolateModules(() => {
      // Stub the gRPC server of the same module registry the entry loads.
      const grpc = jest.requireActual<typeof grpcModule>("@grpc/grpc-js");
      jest.spyOn(grpc.Server.prototype, "addService").mockImplementation((_service, impl) => {
        implementation = impl as Implementation;
      });
      jest.spyOn(grpc.Server.prototype, "bindAsync").mockImplementation(() => undefined);
      jest.requireActual("../../policies/index");
    });
    jest.restoreAllMocks();
    expect(stdout).not.toHaveBeenCalled();
    const info = await new Promise<analyzerPb.AnalyzerInfo>((resolve) =>
      implementation.getAnalyzerInfo({ request: new Empty() }, (_error, response) => resolve(response)),
    );
    expect(info.getName()).toBe(packName);
    expect(info.getPoliciesList().map((p) => p.getName())).toEqual(policies.map((p) => p.name));
  });
});
