import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { arnOf } from "../aws-context";
import { componentType, type EncryptedComponentArgs } from "./common";

export interface ImageRepositoryArgs extends EncryptedComponentArgs {
  /** Physical name, unique per account and region (stack/names.ts). */
  readonly repositoryName: string;
  /** Lets `pulumi destroy` delete a repository that still holds images (dev stacks). */
  readonly forceDelete: boolean;
  /** How many tagged images to keep. */
  readonly keepImages: number;
}

/** The ECR repository the build pushes to and the service pulls from. */
export class ImageRepository extends pulumi.ComponentResource {
  readonly repository: aws.ecr.Repository;
  /** ARN and URI built from the name: known during a preview, unlike the repository's own outputs. */
  readonly repositoryArn: pulumi.Output<string>;
  readonly repositoryUri: pulumi.Output<string>;

  constructor(name: string, args: ImageRepositoryArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType("ImageRepository"), name, {}, opts);
    const { context } = args;

    this.repository = new aws.ecr.Repository(
      `${name}-repository`,
      {
        name: args.repositoryName,
        imageScanningConfiguration: { scanOnPush: true },
        // A tag always names the image that was tested and approved.
        imageTagMutability: "IMMUTABLE",
        encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: args.kmsKeyArn }],
        forceDelete: args.forceDelete,
        tags: args.tags,
        // The name is fixed: a replacement (e.g. a new encryption key) must delete the old repository first.
      },
      { parent: this, deleteBeforeReplace: true },
    );
    this.repositoryArn = arnOf(context, "ecr", `repository/${args.repositoryName}`);
    this.repositoryUri = pulumi.interpolate`${context.accountId}.dkr.ecr.${context.region}.${context.dnsSuffix}/${args.repositoryName}`;

    new aws.ecr.LifecyclePolicy(
      `${name}-lifecycle`,
      {
        repository: this.repository.name,
        policy: JSON.stringify({
          rules: [
            {
              rulePriority: 1,
              description: "Expire untagged layers after a day",
              selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 1 },
              action: { type: "expire" },
            },
            {
              rulePriority: 2,
              description: `Keep the last ${args.keepImages} images`,
              selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: args.keepImages },
              action: { type: "expire" },
            },
          ],
        }),
      },
      { parent: this },
    );

    this.registerOutputs({ repositoryName: this.repository.name, repositoryUrl: this.repository.repositoryUrl });
  }
}
