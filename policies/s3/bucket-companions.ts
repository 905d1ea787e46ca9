/**
 * What the S3 stack policies share: in `@pulumi/aws` 7 a bucket's settings are separate resources
 * that name the bucket in their `bucket` input, so each policy looks for the right companion of
 * every bucket (see `lib/companions.ts`) instead of reading deprecated inline blocks.
 */
import type { CompanionRequirement, Judgement } from "../lib/companions";
import type { Subject } from "../lib/policy";
import { S3_BUCKET, S3_BUCKET_V2, s3Type } from "../lib/resource-types";

/** `BucketV2` is a deprecated alias (another policy reports it), yet its settings still matter. */
export const BUCKET_TYPES: readonly string[] = [S3_BUCKET, S3_BUCKET_V2];

/** A requirement on each bucket's companions of the given `aws.s3` resource names. */
export function bucketRequirement(
  companions: readonly string[],
  needs: string,
  judge: (companion: Subject) => Judgement,
): CompanionRequirement {
  return {
    parentTypes: BUCKET_TYPES,
    parentKeys: ["bucket"],
    companionTypes: companions.map(s3Type),
    reference: "bucket",
    needs,
    judge,
  };
}
