// An apply that throws, whose result is only a stack output.
import * as pulumi from "@pulumi/pulumi";
import { Thing } from "../transforms/resources";

new Thing("first", {});
const name = pulumi.output("x").apply((): string => {
  throw new Error("boom inside apply");
});
export const x = name;
