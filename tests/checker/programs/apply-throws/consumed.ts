// An apply that throws, whose result a later resource takes as an input: the engine fails that
// registration ("error serializing property") and with it the program.
import * as pulumi from "@pulumi/pulumi";
import { Thing } from "../transforms/resources";

new Thing("first", {});
const name = pulumi.output("x").apply((): string => {
  throw new Error("boom inside apply");
});
new Thing("second", { bucket: name });
