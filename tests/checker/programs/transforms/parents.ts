// A component's `transforms` apply to its children (and theirs), innermost parent first, and to the
// component itself; a resource outside the component is not touched.
import * as pulumi from "@pulumi/pulumi";
import { Thing, Group } from "./resources";

const mark =
  (label: string): pulumi.ResourceTransform =>
  (args) => ({
    props: { ...args.props, trail: [...((args.props.trail as string[] | undefined) ?? []), `${label}@${args.name}`] },
    opts: args.opts,
  });

new Group(
  "outer",
  (outer) => {
    new Thing("direct", { trail: ["declared"] }, { parent: outer });
    new Group(
      "inner",
      (inner) => {
        new Thing("nested", { trail: ["declared"] }, { parent: inner, transforms: [mark("own")] });
      },
      { parent: outer, transforms: [mark("inner")] },
    );
  },
  { transforms: [mark("outer")] },
);
new Thing("outside", { trail: ["declared"] });
