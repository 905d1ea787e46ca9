// The second look's stand-in for a deployed stack: what each custom resource's outputs would be after
// `pulumi up`, from the provider model's `createdOutputs`, the same synthesis the engine's model provider
// plugin answers `Create` with (engine/provider/plugin.ts: region from the provider config, else
// us-east-1; the model's placeholder account).
import { createdOutputs, type PropertyMap } from "../../model";
import type { StackConfig } from "./stackConfig";

const PROVIDER_PREFIX = "pulumi:providers:";

/** Where the model places created resources: the stack's `aws:region`, else the plugin's us-east-1. */
export interface Deployment {
  region: string;
}

export function deploymentOf(config: StackConfig): Deployment {
  return { region: config.values["aws:region"] || "us-east-1" };
}

/** Only custom resources a provider creates have synthesized outputs (not components, not providers). */
export function isDeployed(type: string, custom: boolean): boolean {
  return custom && !type.startsWith(PROVIDER_PREFIX);
}

/** The id and outputs a deployed resource of `type` named `name` would have. */
export function deployedOutputs(
  type: string,
  name: string,
  inputs: PropertyMap,
  deployment: Deployment,
): { id: string; outputs: PropertyMap } {
  return createdOutputs(type, name, inputs, { region: deployment.region });
}
