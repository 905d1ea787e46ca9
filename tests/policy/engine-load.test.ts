import { ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import type { AnalyzerInfo } from "@pulumi/pulumi/proto/analyzer_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { packName, policies } from "../../policies/pack";

// Loads the pack exactly as the engine does for `runtime: nodejs`: `run-policy-pack` requires the
// pack directory (package.json `main`) through ts-node with type-checking, and the pack prints its
// port as the first stdout line. Startup takes seconds because of the type-checking.
const root = path.join(__dirname, "../..");
const runPolicyPack = path.join(root, "node_modules/@pulumi/pulumi/cmd/run-policy-pack");

interface Loaded {
  readonly port: string;
  readonly info: AnalyzerInfo;
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes("\n")) {
        resolve(stdout.split("\n")[0]);
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`pack exited with ${code} before printing a port: ${stderr}`)));
  });
}

async function load(packDir: string): Promise<Loaded> {
  const child = spawn(process.execPath, [runPolicyPack, "127.0.0.1:0", packDir], { cwd: packDir, stdio: ["ignore", "pipe", "pipe"] });
  try {
    const port = await firstLine(child);
    const client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    try {
      const info = await new Promise<AnalyzerInfo>((resolve, reject) =>
        client.getAnalyzerInfo(new Empty(), (error, response) => (error ? reject(error) : resolve(response))),
      );
      return { port, info };
    } finally {
      client.close();
    }
  } finally {
    child.kill();
  }
}

describe("loading the pack the engine's way", () => {
  it("serves the same pack from policies/ and from the repository root", async () => {
    const [fromPolicies, fromRoot] = await Promise.all([load(path.join(root, "policies")), load(root)]);
    for (const { port, info } of [fromPolicies, fromRoot]) {
      expect(port).toMatch(/^\d+$/);
      expect(info.getName()).toBe(packName);
      expect(info.getPoliciesList().map((p) => p.getName())).toEqual(policies.map((p) => p.name));
    }
    expect(fromRoot.info.getVersion()).toBe(fromPolicies.info.getVersion());
  }, 90_000);
});
