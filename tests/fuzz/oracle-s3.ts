/** Oracle cases for `s3-no-deprecated-inline-config`: buckets, their configuration resources and the deprecated V2 types. */
import fc from "fast-check";
import { unknown } from "../policy/harness";
import { DEPRECATED_INLINE_INPUTS } from "../shared/s3-inline-inputs";
import type { ResourceInput } from "./engine";
import { combined, withNoise, type OracleInput, type Verdict } from "./oracle-parts";
import { secretOf, type Wire } from "./values";

// ---------------------------------------------------------------------------------------------
// s3-no-deprecated-inline-config
// ---------------------------------------------------------------------------------------------

/** Current S3 resources and their deprecated `...V2` tokens. */
const S3_TYPES: readonly (readonly [current: string, deprecated: string])[] = [
  ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"],
  ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"],
  [
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
  ],
  [
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
  ],
];

const inlineValue = fc.constantFrom<Wire>(
  { enabled: true },
  "private",
  [{ id: "expire", enabled: true }],
  unknown,
  secretOf("private"),
  0,
  false,
);

/**
 * Buckets and their configuration resources. Inline fields set to `null` or an empty list configure
 * nothing; on a configuration resource (a `BucketPolicy`'s `policy`) they are not the bucket's.
 */
export function noDeprecatedInlineConfigCases(): fc.Arbitrary<OracleInput<ResourceInput>> {
  return fc
    .record({
      types: fc.constantFrom(...S3_TYPES),
      deprecatedType: fc.boolean(),
      inline: fc.array(fc.tuple(fc.constantFrom(...DEPRECATED_INLINE_INPUTS), inlineValue), { maxLength: 3 }),
      empty: fc.array(fc.tuple(fc.constantFrom(...DEPRECATED_INLINE_INPUTS), fc.constantFrom<Wire>(null, [])), { maxLength: 3 }),
      noise: fc.record(
        {
          bucket: fc.constantFrom<Wire>("artifacts", unknown),
          forceDestroy: fc.boolean(),
          objectLockEnabled: fc.boolean(),
          tags: fc.constantFrom<Wire>({ team: "platform" }, {}),
          versioningConfiguration: fc.constant<Wire>({ status: "Enabled" }),
        },
        { requiredKeys: [] },
      ),
    })
    .map(({ types: [current, deprecated], deprecatedType, inline, empty, noise }) => {
      const props = withNoise({}, noise);
      const isBucket = current === "aws:s3/bucket:Bucket";
      const verdicts: Verdict[] = [deprecatedType ? "fires" : "silent"];
      const story = [`${deprecatedType ? deprecated : current}`];
      for (const [field, value] of empty) {
        props[field] = value;
        story.push(`${field} = ${JSON.stringify(value)}`);
      }
      for (const [field, value] of inline) {
        props[field] = value;
        // Only a bucket (current or V2) carries the deprecated inline inputs.
        verdicts.push(isBucket ? "fires" : "silent");
        story.push(`${field} set`);
      }
      const input: ResourceInput = { type: deprecatedType ? deprecated : current, name: "bucket", props };
      return { config: {}, subject: { input, expected: combined(verdicts), story } };
    });
}
