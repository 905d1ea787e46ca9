// An invoke transform (registerInvokeTransform) rewrites an invoke's arguments before the provider
// answers it: the lookup of "first" is sent for "second", and what it returns is recorded.
import * as pulumi from "@pulumi/pulumi";
import { Thing, Other } from "./resources";

const first = new Other("first", { label: "first" });
const second = new Other("second", { label: "second" });
const seen: string[] = [];

export const looked = pulumi.all([first.urn, second.urn]).apply(async ([firstUrn, secondUrn]) => {
  pulumi.runtime.registerInvokeTransform((args) => {
    seen.push(args.token);
    return args.args.urn === firstUrn ? { args: { ...args.args, urn: secondUrn }, opts: args.opts } : undefined;
  });
  const found = await pulumi.runtime.invoke("pulumi:pulumi:getResource", { urn: firstUrn });
  new Thing("lookup", { asked: "first", got: found.state.label, seen });
  return found.state.label as string;
});
