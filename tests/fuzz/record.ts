/**
 * Records the reference program (`stack/index.ts`) under Pulumi mocks in preview mode, keeping each
 * custom resource's inputs in the wire form the engine hands the analyzer (secrets wrapped, unknowns
 * as the engine's sentinel) and the property dependencies between them. These are the most realistic
 * seeds the fuzz has: every shape the reference stack really produces.
 */
import type { MockAnswers } from "../../checker/record/inProcess";
import { stackFileConfig as readStackFile } from "../../checker/record/stackConfig";
import { UNKNOWN } from "../../model/sentinels";
import { PROJECT, recordReferenceStack, ROOT } from "../referenceStack";
import type { WireObject } from "./values";

const ACCOUNT = "123456789012";

/** One custom resource of the recorded stack. */
export interface Recorded {
  readonly type: string;
  readonly name: string;
  readonly props: WireObject;
  /** Per input, the indexes (in the recording) of the resources its value came from. */
  readonly dependencies: Readonly<Record<string, readonly number[]>>;
}

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
  const unknown = firstPreview ? UNKNOWN : undefined;
  // Only what the program registered: the engine's default providers are the recorder's own.
  const registered = new Set<string>();
  const answers: MockAnswers = {
    newResource: (args) => {
      registered.add(`${args.type}::${args.name}`);
      return { id: `${args.name}-id`, state: computed(args.type, args.name, args.inputs, unknown) };
    },
    call: () =>
      firstPreview
        ? { accountId: ACCOUNT, partition: "aws" }
        : { accountId: ACCOUNT, partition: "aws", arn: `arn:aws:iam::${ACCOUNT}:user/fuzz`, id: ACCOUNT },
  };
  const config = { values: readStackFile(ROOT, stack, PROJECT).values, secretKeys: [] };
  const { recording } = await recordReferenceStack(stack, config, answers);
  const custom = recording.resources.filter((r) => r.custom && registered.has(`${r.type}::${r.name}`));
  const indexByUrn = new Map(custom.map(({ urn }, index) => [urn, index]));
  return custom.map((resource) => ({
    type: resource.type,
    name: resource.name,
    props: resource.inputs as WireObject,
    dependencies: Object.fromEntries(
      Object.entries(resource.propertyDependencies).map(([input, urns]) => [
        input,
        urns.flatMap((urn) => {
          const index = indexByUrn.get(urn);
          return index === undefined ? [] : [index];
        }),
      ]),
    ),
  }));
}
