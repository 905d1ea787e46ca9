// A program that fails only for the second look: its stages come from an `apply` over the connection's
// ARN, which a first preview never runs (the ARN is unknown, so the core pipeline policies are
// undecided) and the second look runs with the ARN a deployed connection would have.
import * as aws from "@pulumi/aws";

const connection = new aws.codestarconnections.Connection("github", { providerType: "GitHub" });
new aws.codepipeline.Pipeline("pipeline", {
  roleArn: "arn:aws:iam::111111111111:role/pipeline",
  // Decided by the first look alone, so it must still be reported when the second look fails.
  pipelineType: "V1",
  artifactStores: [{ location: "artifacts", type: "S3" }],
  // Ending the process fails only the second run, with an error the user can act on (a CheckError).
  stages: connection.arn.apply(() => process.exit(4)),
});
