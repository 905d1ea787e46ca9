// A transform that returns undefined leaves the registration exactly as declared: inputs (a secret, an
// unknown, nested values) and options. The transform after it still runs and sees the same.
import * as pulumi from "@pulumi/pulumi";
import { Thing, Other } from "./resources";

pulumi.runtime.registerResourceTransform(() => undefined);
pulumi.runtime.registerResourceTransform((args) =>
  args.name === "declared" ? { props: { ...args.props, after: "second" }, opts: args.opts } : undefined,
);

const other = new Other("other", {});
new Thing(
  "declared",
  {
    password: pulumi.secret("hunter2"),
    ref: other.id,
    nested: { list: [1, "two", { three: true }], empty: {} },
  },
  { protect: true, ignoreChanges: ["nested"], deleteBeforeReplace: false, customTimeouts: { create: "2m" } },
);
