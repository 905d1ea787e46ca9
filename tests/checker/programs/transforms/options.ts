// A stack transform that changes the options the engine records: protect, ignoreChanges, aliases,
// additionalSecretOutputs, customTimeouts, deleteBeforeReplace and the provider.
import * as pulumi from "@pulumi/pulumi";
import { Thing, TestProvider } from "./resources";

const explicit = new TestProvider("explicit");

pulumi.runtime.registerResourceTransform((args) => {
  if (args.type !== "test:index:Thing" || args.name !== "moved") {
    return undefined;
  }
  const opts: pulumi.CustomResourceOptions = {
    ...args.opts,
    protect: true,
    ignoreChanges: ["tags"],
    aliases: [{ name: "old-name" }],
    additionalSecretOutputs: ["token"],
    customTimeouts: { create: "5m", update: "10m", delete: "1h" },
    deleteBeforeReplace: true,
    provider: explicit,
  };
  return { props: args.props, opts };
});

new Thing("moved", { size: 1 });
new Thing("kept", { size: 1 }, { protect: false, ignoreChanges: ["size"] });
