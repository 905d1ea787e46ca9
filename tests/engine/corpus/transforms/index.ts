// Transforms as engineers write them: a stack transform that turns on key rotation everywhere, a
// component transform that weakens its children, and a resource's own transform, applied in the
// engine's order (own, then parents innermost first, then the stack's).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

pulumi.runtime.registerResourceTransform((args) => {
  if (args.type === "aws:kms/key:Key") {
    return { props: { ...args.props, enableKeyRotation: true }, opts: args.opts };
  }
  return undefined;
});

new aws.kms.Key("rotated-by-stack", { description: "rotation comes from the stack transform", deletionWindowInDays: 30 });

class Team extends pulumi.ComponentResource {
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super("corpus:index:Team", name, {}, opts);
    new aws.ecr.Repository(
      `${name}-images`,
      {
        imageTagMutability: "IMMUTABLE",
        imageScanningConfiguration: { scanOnPush: true },
      },
      { parent: this },
    );
    this.registerOutputs({});
  }
}

// The parent's transform makes tags mutable; the child's own transform runs first and cannot stop it.
new Team("payments", {
  transforms: [
    (args) =>
      args.type === "aws:ecr/repository:Repository"
        ? { props: { ...args.props, imageTagMutability: "MUTABLE" }, opts: args.opts }
        : undefined,
  ],
});

new aws.ecr.Repository(
  "own-transform",
  { imageTagMutability: "IMMUTABLE" },
  {
    transforms: [(args) => ({ props: { ...args.props, imageScanningConfiguration: { scanOnPush: false } }, opts: args.opts })],
  },
);
