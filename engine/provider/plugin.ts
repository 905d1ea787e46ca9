// The model provider plugin: a real resource-provider plugin (`@pulumi/pulumi/provider`) that the
// engine starts in place of `pulumi-resource-<pkg>`. Every answer comes from the provider model the
// checker's mocks also use (`model/`), so the engine and the checker differ only in engine emulation.
import { ComponentResource, type ComponentResourceOptions } from "@pulumi/pulumi";
import type * as provider from "@pulumi/pulumi/provider";
import { parseUrn } from "../../checker/urn";
import { answerFunction, checkInputs, containsUnknown, createdOutputs, UNKNOWN, type PropertyMap } from "../../model";

/** The provider configuration the engine sends in `Configure` (`aws:region` arrives as `region`). */
export interface ProviderConfig {
  region?: string;
}

/** A URN's type and name (the engine always sends well-formed URNs). */
function urnParts(urn: string): { type: string; name: string } {
  const parsed = parseUrn(urn);
  return { type: parsed?.type ?? "", name: parsed?.name ?? "" };
}

/** A component with no children and no outputs. */
class ModelComponent extends ComponentResource {
  constructor(type: string, name: string, options: ComponentResourceOptions) {
    super(type, name, {}, options);
    this.registerOutputs({});
  }
}

/** The provider for one package at one version, answering from the model. */
export function modelProvider(version: string, config: () => ProviderConfig): provider.Provider {
  return {
    version,
    check: async (urn, _olds, news: PropertyMap) => ({ inputs: checkInputs(urnParts(urn).type, news) }),
    // The model keeps no state of its own: a change of inputs is an update in place.
    diff: async (_id, _urn, olds: PropertyMap, news: PropertyMap) => ({ changes: JSON.stringify(olds) !== JSON.stringify(news) }),
    create: async (urn, inputs: PropertyMap) => {
      const { type, name } = urnParts(urn);
      const created = createdOutputs(type, name, inputs, { region: config().region ?? "us-east-1" });
      return { id: created.id, outs: created.outputs };
    },
    read: async (id, _urn, props?: PropertyMap) => ({ id, props: props ?? {} }),
    update: async (_id, _urn, _olds, news: PropertyMap) => ({ outs: news }),
    delete: async () => undefined,
    // The engine rejects unknown values in an invoke's return (provider_plugin.go, Invoke: RejectUnknowns),
    // so what the model cannot know is left out here: the program sees it absent, not unknown.
    invoke: async (token, args: PropertyMap) => {
      const answer = answerFunction({ token, args, provider: { region: config().region } });
      const outputs =
        answer.outputs === UNKNOWN ? {} : Object.fromEntries(Object.entries(answer.outputs).filter(([, value]) => !containsUnknown(value)));
      return { outputs, failures: [...answer.failures] };
    },
    // A component package (awsx) builds its children in its own plugin, which cannot be had here: the
    // model builds the component alone, as the checker sees it offline.
    construct: async (name, type, _inputs, options) => {
      const component = new ModelComponent(type, name, options);
      return { urn: component.urn, state: {} };
    },
  };
}
