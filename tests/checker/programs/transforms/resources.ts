// The resource classes the transform test programs declare: plain `test` package types, so no
// provider SDK has to load.
import * as pulumi from "@pulumi/pulumi";

export type Props = Record<string, pulumi.Input<unknown>>;

/** The resource the test pack reports on. */
export class Thing extends pulumi.CustomResource {
  constructor(name: string, props: Props, opts?: pulumi.CustomResourceOptions) {
    super("test:index:Thing", name, props, opts);
  }
}

/** A resource the pack ignores: something for a Thing to refer to. */
export class Other extends pulumi.CustomResource {
  constructor(name: string, props: Props, opts?: pulumi.CustomResourceOptions) {
    super("test:index:Other", name, props, opts);
  }
}

/** A component whose children `build` declares. */
export class Group extends pulumi.ComponentResource {
  constructor(name: string, build: (self: Group) => void, opts?: pulumi.ComponentResourceOptions) {
    super("test:index:Group", name, {}, opts);
    build(this);
    this.registerOutputs({});
  }
}

/** An explicit provider of the `test` package. */
export class TestProvider extends pulumi.ProviderResource {
  constructor(name: string) {
    super("test", name, {});
  }
}
