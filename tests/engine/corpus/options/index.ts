// Resource options the engine carries into the registration: protect, ignoreChanges, aliases,
// customTimeouts, deleteBeforeReplace, additionalSecretOutputs.
import * as aws from "@pulumi/aws";

new aws.kms.Key(
  "protected",
  { enableKeyRotation: true, deletionWindowInDays: 30 },
  {
    protect: true,
    ignoreChanges: ["description"],
    customTimeouts: { create: "5m", delete: "10m" },
  },
);
new aws.ecr.Repository(
  "renamed",
  { imageTagMutability: "IMMUTABLE", imageScanningConfiguration: { scanOnPush: true } },
  {
    aliases: [{ name: "old-name" }],
    deleteBeforeReplace: true,
    additionalSecretOutputs: ["repositoryUrl"],
  },
);
