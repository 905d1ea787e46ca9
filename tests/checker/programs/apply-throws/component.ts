// An apply that throws, whose result is only a component's registered output.
import * as pulumi from "@pulumi/pulumi";
import { Thing } from "../transforms/resources";

new Thing("first", {});
class Outputs extends pulumi.ComponentResource {
  constructor(name: string) {
    super("test:index:Outputs", name, {});
    this.registerOutputs({
      name: pulumi.output("x").apply((): string => {
        throw new Error("boom inside apply");
      }),
    });
  }
}
new Outputs("outputs");
