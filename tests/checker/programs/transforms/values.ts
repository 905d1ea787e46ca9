// Secrets and unknowns pass through a transform the way the engine sends them: as Outputs the
// transform can move, and back as a secret and an unknown.
import * as pulumi from "@pulumi/pulumi";
import { Thing, Other } from "./resources";

pulumi.runtime.registerResourceTransform((args) => {
  if (args.type !== "test:index:Thing") {
    return undefined;
  }
  const { password, ref, ...rest } = args.props;
  return {
    props: { ...rest, moved: password, pending: ref, sawOutputs: pulumi.Output.isInstance(password) && pulumi.Output.isInstance(ref) },
    opts: args.opts,
  };
});

const other = new Other("other", {});
new Thing("values", { password: pulumi.secret("hunter2"), ref: other.id, plain: "p" });
