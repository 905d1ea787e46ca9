// A transform that throws: the engine fails the registration, so nothing can be judged.
import * as pulumi from "@pulumi/pulumi";
import { Thing } from "./resources";

pulumi.runtime.registerResourceTransform((args) => {
  if (args.name === "refused") {
    throw new Error("no such thing allowed");
  }
  return undefined;
});
new Thing("accepted", {});
new Thing("refused", {});
