// A hostile program: it registers a resource, then ends its own process before the stack is built.
import * as aws from "@pulumi/aws";

new aws.s3.Bucket("before-exit", { tags: { owner: "me" } });
process.exit(0);
