import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Tags } from "../tags";

export interface ImageRepositoryArgs {
    kmsKeyArn: pulumi.Input<string>;
    /** Lets `pulumi destroy` delete a repository that still holds images (dev stacks). */
    forceDelete: boolean;
    /** How many tagged images to keep. */
    keepImages: number;
    tags: Tags;
}

/** The ECR repository the build pushes to and the service pulls from. */
export class ImageRepository extends pulumi.ComponentResource {
    readonly repository: aws.ecr.Repository;

    constructor(name: string, args: ImageRepositoryArgs, opts?: pulumi.ComponentResourceOptions) {
        super("pipeline-compliance-kit:components:ImageRepository", name, {}, opts);

        this.repository = new aws.ecr.Repository(`${name}-repository`, {
            imageScanningConfiguration: { scanOnPush: true },
            // A tag always names the image that was tested and approved.
            imageTagMutability: "IMMUTABLE",
            encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: args.kmsKeyArn }],
            forceDelete: args.forceDelete,
            tags: args.tags,
        }, { parent: this });

        new aws.ecr.LifecyclePolicy(`${name}-lifecycle`, {
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
        }, { parent: this });

        this.registerOutputs({ repositoryName: this.repository.name, repositoryUrl: this.repository.repositoryUrl });
    }
}
