// A resource's own `transforms` option: "fixed" is declared unencrypted and its transform encrypts it;
// "untouched" has no transform and keeps what it declared.
import * as pulumi from "@pulumi/pulumi";
import { Thing } from "./resources";

const encrypt: pulumi.ResourceTransform = (args) => ({
  props: { ...args.props, encrypted: true, by: `own:${args.name}:${args.custom}` },
  opts: args.opts,
});

new Thing("fixed", { encrypted: false, size: 3 }, { transforms: [encrypt] });
new Thing("untouched", { encrypted: false, size: 3 });
