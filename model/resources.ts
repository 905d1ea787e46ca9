// What the offline provider model answers for a resource: the provider's Check and a created
// resource's outputs. The checker's SDK mocks and the engine's model provider plugin both call these,
// so a difference between the checker and the real engine is never a difference in provider behaviour.
import type { PropertyMap } from "./types";

/**
 * The inputs a provider's `Check` returns for a registration. The model fills no defaults: a real
 * provider would (for example a log group's `retentionInDays: 0`), so policies treat an absent field
 * and its provider default alike.
 */
export function checkInputs(_type: string, inputs: PropertyMap): PropertyMap {
  return inputs;
}

/** The outputs of a created resource (`pulumi up`): its checked inputs plus an id derived from its name. */
export function createdOutputs(type: string, name: string, inputs: PropertyMap): { id: string; outputs: PropertyMap } {
  return { id: `${name}-${type.split(":").pop()?.toLowerCase() ?? "resource"}`, outputs: { ...checkInputs(type, inputs) } };
}
