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

/** Three-valued truth for settings that may be unknown during preview: 2 yes, 1 maybe, 0 no. */
export type Tri = 0 | 1 | 2;
export const NO: Tri = 0;
export const MAYBE: Tri = 1;
export const YES: Tri = 2;

/** All of them: the weakest. */
export function all(...values: Tri[]): Tri {
  return Math.min(YES, ...values) as Tri;
}

/** Any of them: the strongest. */
export function any(values: readonly Tri[]): Tri {
  return Math.max(NO, ...values) as Tri;
}

/** A judgement from a three-valued result, with the reason shown when it is not a pass. */
export function judgement(value: Tri, reason: string): Judgement {
  if (value === YES) {
    return { verdict: "pass" };
  }
  return { verdict: value === NO ? "fail" : "unknown", reason };
}
