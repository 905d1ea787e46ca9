/**
 * Records the reference program (`stack/index.ts`) under Pulumi mocks in preview mode, keeping each
 * custom resource's inputs in the wire form the engine hands the analyzer (secrets wrapped, unknowns
 * as the engine's sentinel) and the property dependencies between them. These are the most realistic
 * seeds the fuzz has: every shape the reference stack really produces.
 */
import * as path from "node:path";
import type * as pulumiModule from "@pulumi/pulumi";
import { stackFileConfig as readStackFile } from "../../checker/record/stackConfig";
import type { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { WireObject } from "./values";

const ROOT = path.resolve(__dirname, "../..");
const PROJECT = "pipeline-compliance-kit";
const ACCOUNT = "123456789012";

/** One custom resource of the recorded stack. */
export interface Recorded {
  readonly type: string;
  readonly name: string;
  readonly props: WireObject;
  /** Per input, the indexes (in the recording) of the resources its value came from. */
  readonly dependencies: Readonly<Record<string, readonly number[]>>;
}

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getCustom(): boolean;
  getObject(): Struct | undefined;
  getPropertydependenciesMap(): { forEach(visit: (value: { getUrnsList(): string[] }, key: string) => void): void };
}
interface RegisterResponse {
  getUrn(): string;
}
type Callback = (error: Error | null, response?: RegisterResponse) => void;
type Register = (request: RegisterRequest, callback: Callback) => void;

// Attributes the program reads back from resources; left out, an `apply` in the program would see
// `undefined` where the provider always answers with a value.
const COMPUTED = ["id", "arn", "name", "bucket", "keyId", "repositoryUrl", "dnsName", "cidrBlock", "url", "registryId"];

function computed(type: string, name: string, inputs: Record<string, unknown>, unknown: string | undefined): Record<string, unknown> {
  const physical = typeof inputs.name === "string" ? inputs.name : `${name}-4f2a9c1`;
  const service = type.split(":")[1]?.split("/")[0] ?? "unknown";
  const known: Record<string, unknown> = {
    id: `${physical}-id`,
    arn: type === "aws:s3/bucket:Bucket" ? `arn:aws:s3:::${physical}` : `arn:aws:${service}:us-east-1:${ACCOUNT}:${physical}`,
    name: physical,
    bucket: physical,
    keyId: `${physical}-key`,
    repositoryUrl: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/${physical}`,
    dnsName: `${physical}.us-east-1.elb.amazonaws.com`,
    cidrBlock: "10.0.0.0/16",
    url: `https://${physical}.example.com`,
    registryId: ACCOUNT,
  };
  const state: Record<string, unknown> = { ...inputs };
  for (const key of COMPUTED) {
    if (state[key] === undefined) {
      state[key] = unknown ?? known[key];
    }
  }
  return state;
}

/**
 * Runs the program once. `firstPreview` answers every computed attribute with an unknown, as the
 * first `pulumi preview` of a new stack does; otherwise the attributes are known, as in later runs.
 */
export async function recordStack(stack: string, firstPreview: boolean): Promise<Recorded[]> {
  const requests: { request: RegisterRequest; urn: string }[] = [];
  await jest.isolateModulesAsync(async () => {
    const pulumi: typeof pulumiModule = await import("@pulumi/pulumi");
    const unknown = firstPreview ? pulumi.runtime.unknownValue : undefined;
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => ({
          id: `${args.name}-id`,
          state: computed(args.type, args.name, args.inputs as Record<string, unknown>, unknown),
        }),
        call: () =>
          firstPreview
            ? { accountId: ACCOUNT, partition: "aws" }
            : { accountId: ACCOUNT, partition: "aws", arn: `arn:aws:iam::${ACCOUNT}:user/fuzz`, id: ACCOUNT },
      },
      PROJECT,
      stack,
      true,
    );
    pulumi.runtime.setAllConfig(readStackFile(ROOT, stack, PROJECT).values);
    const monitor = pulumi.runtime.getMonitor() as unknown as { registerResource: Register };
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (request, callback) =>
      register(request, (error, response) => {
        if (response && request.getCustom()) {
          requests.push({ request, urn: response.getUrn() });
        }
        callback(error, response);
      });
    await import("../../stack/index");
    await pulumi.runtime.disconnect();
  });
  const indexByUrn = new Map(requests.map(({ urn }, index) => [urn, index]));
  return requests.map(({ request }) => {
    const dependencies: Record<string, number[]> = {};
    request.getPropertydependenciesMap().forEach((value, input) => {
      dependencies[input] = value.getUrnsList().flatMap((urn) => {
        const index = indexByUrn.get(urn);
        return index === undefined ? [] : [index];
      });
    });
    return {
      type: request.getType(),
      name: request.getName(),
      props: (request.getObject()?.toJavaScript() ?? {}) as WireObject,
      dependencies,
    };
  });
}
