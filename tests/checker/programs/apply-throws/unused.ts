// An apply that throws, whose result nothing uses: the rejection is still unhandled, which fails the
// program under the engine's Node host.
import * as pulumi from "@pulumi/pulumi";
import { Thing } from "../transforms/resources";

new Thing("first", {});
pulumi.output("x").apply((): string => {
  throw new Error("boom inside apply");
});
