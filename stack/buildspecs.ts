// Buildspecs live in code so a reviewer sees what runs with the build roles' permissions.

/** The file the build writes and the ECS deploy action reads: [{"name": container, "imageUri": image}]. */
export const IMAGE_DEFINITIONS_FILE = "imagedefinitions.json";

/**
 * Builds the image and pushes it to ECR. Tags are commit + build number because the repository's tags
 * are immutable: re-running a pipeline for the same commit must not try to overwrite a tag.
 * REPOSITORY_URI and CONTAINER_NAME are plain-text project environment variables.
 */
export const IMAGE_BUILDSPEC = `version: 0.2
phases:
  pre_build:
    on-failure: ABORT
    commands:
      - aws ecr get-login-password --region "$AWS_REGION" | docker login --username AWS --password-stdin "\${REPOSITORY_URI%%/*}"
      - IMAGE_TAG="$(echo "$CODEBUILD_RESOLVED_SOURCE_VERSION" | cut -c1-12)-$CODEBUILD_BUILD_NUMBER"
  build:
    on-failure: ABORT
    commands:
      - docker build --tag "$REPOSITORY_URI:$IMAGE_TAG" .
      - docker push "$REPOSITORY_URI:$IMAGE_TAG"
  post_build:
    commands:
      - printf '[{"name":"%s","imageUri":"%s"}]' "$CONTAINER_NAME" "$REPOSITORY_URI:$IMAGE_TAG" > ${IMAGE_DEFINITIONS_FILE}
artifacts:
  files:
    - ${IMAGE_DEFINITIONS_FILE}
`;

/**
 * Runs the application's tests and a dependency audit on the source. A repository without a Node
 * lockfile passes through, so the reference pipeline works for any Dockerfile-based application.
 */
export const TEST_BUILDSPEC = `version: 0.2
phases:
  install:
    runtime-versions:
      nodejs: 20
  build:
    commands:
      - |
        if [ -f package-lock.json ]; then
          npm ci
          npm test
          npm audit --audit-level=high
        else
          echo "no package-lock.json: no Node tests to run"
        fi
`;
