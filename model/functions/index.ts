/**
 * What the model answers for a function call (an invoke), as a provider's `Invoke` would: the outputs
 * in the engine's wire form. A function the model computes is "answered" (some outputs may still be
 * unknown, see `accountAndRegion.ts`); any other function is not, and every output of it is unknown,
 * so a policy that depends on it reports `[undecided]` instead of passing on an invented value.
 */
import { getAvailabilityZones, getCallerIdentity, getPartition, getRegion } from "./accountAndRegion";
import { GET_POLICY_DOCUMENT, getPolicyDocument, POLICY_DOCUMENT_OUTPUTS } from "./policyDocument";
import { containsUnknown, UNKNOWN, withoutSecrets, type Unknown } from "../sentinels";
import type { FunctionResult, InvokeFailure, PropertyMap } from "../types";

export interface FunctionCall {
  /** The function's token, `aws:iam/getPolicyDocument:getPolicyDocument`. */
  readonly token: string;
  /** The arguments in wire form. */
  readonly args: PropertyMap;
  /**
   * The inputs of the provider the call goes to, by property name (`region`, `allowedAccountIds`):
   * an explicit provider's inputs, or for the default provider the package's stack config.
   */
  readonly provider: PropertyMap;
}

export interface FunctionAnswer {
  /** False when the model does not compute this function: every output is unknown. */
  readonly answered: boolean;
  /** The outputs; the whole answer is `UNKNOWN` when not even the names of the outputs are known. */
  readonly outputs: PropertyMap | Unknown;
  /** Why the provider refuses the arguments (the call then has no outputs). */
  readonly failures: readonly InvokeFailure[];
}

interface ModelledFunction {
  /** Every output name, for the answer to arguments the model cannot read. */
  readonly outputs: readonly string[];
  compute(args: PropertyMap, provider: PropertyMap): FunctionResult;
}

const MODELLED: ReadonlyMap<string, ModelledFunction> = new Map([
  [GET_POLICY_DOCUMENT, { outputs: POLICY_DOCUMENT_OUTPUTS, compute: getPolicyDocument }],
  ["aws:index/getCallerIdentity:getCallerIdentity", { outputs: ["accountId", "arn", "id", "userId"], compute: getCallerIdentity }],
  ["aws:index/getRegion:getRegion", { outputs: ["description", "endpoint", "id", "name", "region"], compute: getRegion }],
  ["aws:index/getPartition:getPartition", { outputs: ["dnsSuffix", "id", "partition", "reverseDnsPrefix"], compute: getPartition }],
  [
    "aws:index/getAvailabilityZones:getAvailabilityZones",
    { outputs: ["groupNames", "id", "names", "region", "zoneIds"], compute: getAvailabilityZones },
  ],
]);

/** Every named output unknown: the answer for a call the model cannot compute. */
export function unknownOutputs(names: readonly string[]): PropertyMap {
  return Object.fromEntries(names.map((name) => [name, UNKNOWN]));
}

/** True when the model computes the function. */
export function isModelledFunction(token: string): boolean {
  return MODELLED.has(token);
}

/**
 * Answers one call. `outputNames` is asked only for a function the model does not compute: the names
 * of its outputs from the package's schema or SDK, so the program sees each of them unknown; without
 * them the whole result is unknown.
 */
export function answerFunction(call: FunctionCall, outputNames: () => readonly string[] | undefined = () => undefined): FunctionAnswer {
  const modelled = MODELLED.get(call.token);
  if (modelled === undefined) {
    const names = outputNames();
    return { answered: false, outputs: names === undefined ? UNKNOWN : unknownOutputs(names), failures: [] };
  }
  // The SDK never sends unknown arguments (it answers such a call unknown itself, `invoke.js`); a caller
  // that does gets the same answer.
  if (containsUnknown(call.args)) {
    return { answered: true, outputs: unknownOutputs(modelled.outputs), failures: [] };
  }
  const result = modelled.compute(withoutSecrets(call.args) as PropertyMap, withoutSecrets(call.provider) as PropertyMap);
  return "failures" in result
    ? { answered: true, outputs: {}, failures: result.failures }
    : { answered: true, outputs: result.outputs, failures: [] };
}
