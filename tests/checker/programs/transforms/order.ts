// The engine's order: the resource's own transforms, then its parents' (innermost first), then the
// stack's in registration order. Each transform appends to `trail`, and each verdict holds only in
// that order: "local-off" turns encryption off itself and the first stack transform turns it back on
// (no finding), while "group-off" turns it on itself and its outer component turns it off (a finding).
import * as pulumi from "@pulumi/pulumi";
import { Thing, Group } from "./resources";

const set =
  (label: string, encrypted?: boolean, only?: string): pulumi.ResourceTransform =>
  (args) => {
    if (args.type !== "test:index:Thing") {
      return undefined;
    }
    const props: Record<string, unknown> = { ...args.props, trail: [...((args.props.trail as string[] | undefined) ?? []), label] };
    if (encrypted !== undefined && (only === undefined || only === args.name)) {
      props.encrypted = encrypted;
    }
    return { props, opts: args.opts };
  };

pulumi.runtime.registerResourceTransform(set("stack-1", true, "local-off"));
pulumi.runtime.registerResourceTransform(set("stack-2"));

new Thing("local-off", { encrypted: true }, { transforms: [set("own", false)] });
new Group(
  "outer",
  (outer) => {
    new Group(
      "inner",
      (inner) => {
        new Thing("group-off", { encrypted: false }, { parent: inner, transforms: [set("own", true)] });
      },
      { parent: outer, transforms: [set("inner")] },
    );
  },
  { transforms: [set("outer", false)] },
);
