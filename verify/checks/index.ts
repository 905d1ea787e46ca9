import type { Check } from "../types";
import { codebuildChecks } from "./codebuild";
import { codepipelineChecks } from "./codepipeline";
import { connectionChecks } from "./connections";
import { ecrChecks } from "./ecr";
import { ecsChecks } from "./ecs";
import { eventbridgeChecks } from "./eventbridge";
import { kmsChecks } from "./kms";
import { logsChecks } from "./logs";
import { s3Checks } from "./s3";
import { snsChecks } from "./sns";

/** Every post-deploy check, in report order. */
export const allChecks: readonly Check[] = [
  ...s3Checks,
  ...ecrChecks,
  ...codebuildChecks,
  ...codepipelineChecks,
  ...connectionChecks,
  ...ecsChecks,
  ...kmsChecks,
  ...logsChecks,
  ...eventbridgeChecks,
  ...snsChecks,
];
