// What the offline provider model answers for a resource: the provider's Check and a created
// resource's outputs. The checker's SDK mocks and the engine's model provider plugin both call these,
// so a difference between the checker and the real engine is never a difference in provider behaviour.
import { PLACEHOLDER_ACCOUNT_ID } from "./functions/accountAndRegion";
import type { PropertyMap } from "./types";

/**
 * The inputs a provider's `Check` returns for a registration. The model fills no defaults: a real
 * provider would (for example a log group's `retentionInDays: 0`), so policies treat an absent field
 * and its provider default alike.
 */
export function checkInputs(_type: string, inputs: PropertyMap): PropertyMap {
  return inputs;
}

/** Where a created resource lives, for the ARNs the model makes up. */
export interface Placement {
  region: string;
  account?: string;
}

// The output that holds a resource's physical name, where it is not `name`.
const PHYSICAL_NAME: Readonly<Record<string, string>> = {
  "aws:s3/bucket:Bucket": "bucket",
  "aws:s3/bucketV2:BucketV2": "bucket",
};

/** `aws:kms/key:Key` -> `kms`, `key`. */
function arnParts(type: string): { service: string; kind: string } {
  const [, module = "", member = ""] = type.split(":");
  return { service: module.split("/")[0], kind: member.charAt(0).toLowerCase() + member.slice(1) };
}

/**
 * The outputs of a created resource (`pulumi up`): its checked inputs, and what AWS computes that
 * programs commonly read: `id`, `arn`, the physical name when the program left it to the provider
 * (the logical name, where a real provider adds a random suffix), a key's `keyId` and a repository's
 * `repositoryUrl`. Secret or unknown inputs are kept as they are.
 */
export function createdOutputs(
  type: string,
  name: string,
  inputs: PropertyMap,
  placement: Placement,
): { id: string; outputs: PropertyMap } {
  const outputs: PropertyMap = { ...checkInputs(type, inputs) };
  const nameKey = PHYSICAL_NAME[type] ?? "name";
  const physical = typeof outputs[nameKey] === "string" ? (outputs[nameKey] as string) : name;
  outputs[nameKey] ??= physical;
  const { service, kind } = arnParts(type);
  const account = placement.account ?? PLACEHOLDER_ACCOUNT_ID;
  outputs.arn ??= service === "s3" ? `arn:aws:s3:::${physical}` : `arn:aws:${service}:${placement.region}:${account}:${kind}/${physical}`;
  if (type === "aws:kms/key:Key") {
    outputs.keyId ??= `${physical}-key-id`;
  }
  if (type === "aws:ecr/repository:Repository") {
    outputs.repositoryUrl ??= `${account}.dkr.ecr.${placement.region}.amazonaws.com/${physical}`;
  }
  const id = type === "aws:kms/key:Key" ? (outputs.keyId as string) : physical;
  return { id, outputs: { ...outputs, id } };
}
