// An apply that throws, whose result a later resource takes as an input: the engine fails that
// registration and the program with it, so the preview fails; the checker must fail it too, never judge
// a recording that silently lacks the resource.
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

new aws.s3.Bucket("first");
const name = pulumi.output("x").apply((): string => {
  throw new Error("boom inside apply");
});
new aws.s3.Bucket("second", { bucket: name });
