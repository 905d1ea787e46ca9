/**
 * Random property values in the engine's wire form, drawn from the vocabulary the seeds use and from
 * nasty strings and keys. The wire form itself (`wire.ts`) and the edits applied to values
 * (`edits.ts`) are re-exported, so the fuzz imports all of it from here.
 */
import fc from "fast-check";
import { unknown } from "../policy/harness";
import { isObject, objectOf, parseDocument, secretOf, SIGNATURE, type Wire, type WireObject } from "./wire";

export { applyEdits, editArbitrary, hugeArbitrary, withTag, type Edit, type Operation } from "./edits";
export { isObject, objectOf, secretOf, type Wire, type WireObject } from "./wire";

/** Keys of objects and string values found in the seeds, documents included: the vocabulary policies read. */
export interface Vocabulary {
  readonly keys: readonly string[];
  readonly strings: readonly string[];
}

/** Collects the vocabulary of the given values. */
export function vocabularyOf(values: readonly Wire[]): Vocabulary {
  const keys = new Set<string>();
  const strings = new Set<string>();
  const visit = (value: Wire): void => {
    if (typeof value === "string") {
      const document = parseDocument(value);
      if (document === undefined) {
        strings.add(value);
      } else {
        visit(document);
      }
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (isObject(value)) {
      for (const [key, inner] of Object.entries(value)) {
        if (key !== SIGNATURE) {
          keys.add(key);
        }
        visit(inner);
      }
    }
  };
  values.forEach(visit);
  strings.delete(unknown);
  return { keys: [...keys].sort(), strings: [...strings].sort() };
}

// Values that steer policies into their branches or trip naive code: prototype keys, wildcards,
// provider and action names, waiver texts, credentials, regex bait and the sentinel inside a string.
const NASTY_STRINGS = [
  "",
  " ",
  "*",
  "?",
  "**",
  "s3:*",
  "*:*",
  "Allow",
  "Deny",
  "ThirdParty",
  "GitHub",
  "AWS",
  "CodeCommit",
  "CodeStarSourceConnection",
  "ECS",
  "CodeDeployToECS",
  "Deploy",
  "Source",
  "aws:kms",
  "aws:kms:dsse",
  "AES256",
  "alias/aws/s3",
  "arn:aws:kms:us-east-1:123456789012:alias/aws/s3",
  "Enabled",
  "Disabled",
  "ENABLED",
  "DISABLED",
  "BucketOwnerEnforced",
  "PLAINTEXT",
  "SECRETS_MANAGER",
  "aws.codecommit",
  "CodeCommit Repository State Change",
  "#{SourceVariables.BranchName}",
  "us-east-1",
  "eu-west-1",
  "AKIAABCDEFGHIJKLMNOP",
  "GITHUB_TOKEN",
  "https://ghp_0123456789abcdef0123456789abcdef01@github.com/o/r.git",
  "https://user:pass@example.com/r.git",
  "https://example.com/r.git?access_token=abc",
  "arn:aws:s3:::bucket",
  "arn:aws:s3:::bucket/*",
  "arn:aws:codecommit:us-east-1:1:repo",
  "aws:SecureTransport",
  "false",
  "true",
  "null",
  "0",
  "-1",
  "1e999",
  "NaN",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "length",
  "valueOf",
  "then",
  "fuzz; until=2999-12-31",
  "fuzz; until=2000-01-01",
  "; until=2999-12-31",
  "fuzz; until=2026-02-30",
  "fuzz",
  "2999-12-31",
  "a.b",
  "stages.0",
  "\u0000",
  "\u{1F525}é",
  "a*a*a*a*a*a*a*a*a*a*a*a*a*b",
  `prefix-${unknown}`,
  `{"Statement": 5}`,
  "{",
  "[]",
  "{}",
  `"x"`,
];

const NASTY_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "hasOwnProperty",
  "toString",
  "length",
  "0",
  "",
  "a.b",
  "region",
  "OAuthToken",
];

const LONG_STRING = "x".repeat(5_000);

export interface ValueArbitraries {
  readonly key: fc.Arbitrary<string>;
  readonly string: fc.Arbitrary<string>;
  readonly leaf: fc.Arbitrary<Wire>;
  /** Any wire value, with unknowns and secrets at any depth. */
  readonly value: fc.Arbitrary<Wire>;
  readonly object: fc.Arbitrary<WireObject>;
}

export function valueArbitraries(vocabulary: Vocabulary, extraKeys: readonly string[] = []): ValueArbitraries {
  const known = [...vocabulary.strings, ...NASTY_STRINGS];
  const string = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...known) },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constant(LONG_STRING) },
  );
  const key = fc
    .oneof(
      { weight: 6, arbitrary: fc.constantFrom(...vocabulary.keys, ...extraKeys) },
      { weight: 2, arbitrary: fc.constantFrom(...NASTY_KEYS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
    )
    .filter((candidate) => candidate !== SIGNATURE);
  const leaf: fc.Arbitrary<Wire> = fc.oneof(
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: fc.boolean() },
    {
      weight: 2,
      arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1, 2 ** 53 + 2, 1e308)),
    },
    { weight: 3, arbitrary: fc.constant(unknown) },
    { weight: 6, arbitrary: string },
  );
  const { value } = fc.letrec<{ value: Wire; array: Wire; object: Wire; secret: Wire }>((tie) => ({
    value: fc.oneof({ depthSize: "small", maxDepth: 3 }, leaf, tie("array"), tie("object"), tie("secret")),
    array: fc.array(tie("value"), { maxLength: 4 }),
    object: fc.array(fc.tuple(key, tie("value")), { maxLength: 4 }).map(objectOf),
    secret: tie("value").map(secretOf),
  }));
  const object = fc.array(fc.tuple(key, value), { maxLength: 6 }).map(objectOf);
  return { key, string, leaf, value, object };
}
