// getPolicyDocument against what the provider documents. The expected JSON is written out by hand from
// the `aws_iam_policy_document` documentation examples (their rendered output, less the empty `"Sid": ""`
// the provider stopped writing in v5.0.0, hashicorp/terraform-provider-aws#28539) and from the rendering
// rules it documents; none of it is output of the code under test.
import * as zlib from "zlib";
import { answerFunction, UNKNOWN, type FunctionAnswer, type PropertyMap } from "../../../model";
import { crc32 } from "../../../model/functions/crc32";
import { goJson } from "../../../model/functions/goJson";
import { EMPTY_DOCUMENT, renderDocument } from "../../../model/functions/iamDocument";

const TOKEN = "aws:iam/getPolicyDocument:getPolicyDocument";

function call(args: PropertyMap): FunctionAnswer {
  return answerFunction({ token: TOKEN, args, provider: { region: "eu-west-1" } });
}

function outputs(args: PropertyMap): Record<string, unknown> {
  const answer = call(args);
  expect(answer.failures).toEqual([]);
  expect(answer.answered).toBe(true);
  return answer.outputs as Record<string, unknown>;
}

/** The pretty `json` output; `minified` must be the same document without whitespace. */
function rendered(args: PropertyMap): string {
  const out = outputs(args);
  expect(JSON.parse(out.minifiedJson as string)).toEqual(JSON.parse(out.json as string));
  expect(out.minifiedJson).not.toMatch(/\n/);
  return out.json as string;
}

const lines = (...text: string[]): string => text.join("\n");

describe("getPolicyDocument rendering", () => {
  it("renders the documented multiple-condition-keys example: actions sorted descending, condition keys sorted", () => {
    const args = {
      statements: [
        {
          actions: ["kms:Decrypt", "kms:GenerateDataKey"],
          resources: ["*"],
          conditions: [
            { test: "ForAnyValue:StringEquals", variable: "kms:EncryptionContext:service", values: ["pi"] },
            { test: "ForAnyValue:StringEquals", variable: "kms:EncryptionContext:aws:pi:service", values: ["rds"] },
          ],
        },
      ],
    };
    expect(rendered(args)).toBe(
      lines(
        "{",
        '  "Version": "2012-10-17",',
        '  "Statement": [',
        "    {",
        '      "Effect": "Allow",',
        '      "Action": [',
        '        "kms:GenerateDataKey",',
        '        "kms:Decrypt"',
        "      ],",
        '      "Resource": "*",',
        '      "Condition": {',
        '        "ForAnyValue:StringEquals": {',
        '          "kms:EncryptionContext:aws:pi:service": "rds",',
        '          "kms:EncryptionContext:service": "pi"',
        "        }",
        "      }",
        "    }",
        "  ]",
        "}",
      ),
    );
    expect(outputs(args).minifiedJson).toBe(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["kms:GenerateDataKey","kms:Decrypt"],"Resource":"*",' +
        '"Condition":{"ForAnyValue:StringEquals":{"kms:EncryptionContext:aws:pi:service":"rds","kms:EncryptionContext:service":"pi"}}}]}',
    );
  });

  it("renders principals as a map by type, one identifier as a string, several sorted descending; notPrincipals alike", () => {
    const json = rendered({
      statements: [
        {
          sid: "Trust",
          actions: ["sts:AssumeRole"],
          principals: [
            { type: "Service", identifiers: ["firehose.amazonaws.com"] },
            { type: "AWS", identifiers: ["arn:aws:iam::111122223333:role/a", "arn:aws:iam::111122223333:role/b"] },
            { type: "Federated", identifiers: ["arn:aws:iam::111122223333:saml-provider/p", "cognito-identity.amazonaws.com"] },
          ],
        },
        {
          effect: "Deny",
          actions: ["s3:*"],
          resources: ["*"],
          notPrincipals: [{ type: "AWS", identifiers: ["arn:aws:iam::111122223333:root"] }],
        },
      ],
    });
    expect(JSON.parse(json)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "Trust",
          Effect: "Allow",
          Action: "sts:AssumeRole",
          Principal: {
            AWS: ["arn:aws:iam::111122223333:role/b", "arn:aws:iam::111122223333:role/a"],
            Federated: ["cognito-identity.amazonaws.com", "arn:aws:iam::111122223333:saml-provider/p"],
            Service: "firehose.amazonaws.com",
          },
        },
        { Effect: "Deny", Action: "s3:*", Resource: "*", NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" } },
      ],
    });
    // Key order inside the statement is the provider's field order; principal types are sorted.
    expect(json.indexOf('"AWS"')).toBeLessThan(json.indexOf('"Federated"'));
    expect(json.indexOf('"Federated"')).toBeLessThan(json.indexOf('"Service"'));
  });

  it('renders type "*" with identifier "*" as the bare "*", and type AWS with "*" as {"AWS": "*"} (documented)', () => {
    const principal = (type: string): unknown =>
      (
        JSON.parse(
          rendered({ statements: [{ actions: ["s3:GetObject"], resources: ["*"], principals: [{ type, identifiers: ["*"] }] }] }),
        ) as { Statement: { Principal: unknown }[] }
      ).Statement[0].Principal;
    expect(principal("*")).toBe("*");
    expect(principal("AWS")).toEqual({ AWS: "*" });
  });

  it("joins principal blocks of the same type: one identifier stays a string until a second one makes a list", () => {
    const principal = (principals: PropertyMap[]): unknown =>
      (JSON.parse(rendered({ statements: [{ actions: ["sts:AssumeRole"], principals }] })) as { Statement: { Principal: unknown }[] })
        .Statement[0].Principal;
    expect(
      principal([
        { type: "AWS", identifiers: ["a"] },
        { type: "AWS", identifiers: ["b"] },
      ]),
    ).toEqual({ AWS: ["a", "b"] });
    expect(
      principal([
        { type: "AWS", identifiers: ["c", "d"] },
        { type: "AWS", identifiers: ["e"] },
      ]),
    ).toEqual({ AWS: ["d", "c", "e"] });
    expect(
      principal([
        { type: "AWS", identifiers: ["e"] },
        { type: "AWS", identifiers: ["c", "d"] },
        { type: "AWS", identifiers: ["f"] },
      ]),
    ).toEqual({ AWS: ["e", "d", "c", "f"] });
    expect(
      principal([
        { type: "*", identifiers: ["*"] },
        { type: "Service", identifiers: ["events.amazonaws.com"] },
      ]),
    ).toEqual({ "*": "*", Service: "events.amazonaws.com" });
  });

  it("keeps condition values in order, collapses a single value to a string, and joins blocks on the same key", () => {
    const conditions = (
      JSON.parse(
        rendered({
          statements: [
            {
              actions: ["s3:GetObject"],
              resources: ["*"],
              conditions: [
                { test: "StringEquals", variable: "aws:SourceAccount", values: ["222222222222", "111111111111"] },
                { test: "Bool", variable: "aws:SecureTransport", values: ["false"] },
                { test: "StringLike", variable: "s3:prefix", values: ["", "home/"] },
              ],
            },
          ],
        }),
      ) as { Statement: { Condition: unknown }[] }
    ).Statement[0].Condition;
    expect(conditions).toEqual({
      Bool: { "aws:SecureTransport": "false" },
      StringEquals: { "aws:SourceAccount": ["222222222222", "111111111111"] },
      StringLike: { "s3:prefix": ["", "home/"] },
    });
    const joined = (
      JSON.parse(
        rendered({
          statements: [
            {
              actions: ["s3:GetObject"],
              resources: ["*"],
              conditions: [
                { test: "StringEquals", variable: "aws:SourceVpce", values: ["vpce-1"] },
                { test: "StringEquals", variable: "aws:SourceVpce", values: ["vpce-2"] },
              ],
            },
          ],
        }),
      ) as { Statement: { Condition: unknown }[] }
    ).Statement[0].Condition;
    expect(joined).toEqual({ StringEquals: { "aws:SourceVpce": ["vpce-1", "vpce-2"] } });
  });

  it("treats actions, resources and identifiers as sets and writes &{...} as the policy variable ${...}, except in actions", () => {
    const statement = (
      JSON.parse(
        rendered({
          statements: [
            {
              actions: ["s3:GetObject", "s3:GetObject"],
              resources: ["arn:aws:s3:::b/home/&{aws:username}/*"],
              principals: [
                { type: "AWS", identifiers: ["arn:aws:iam::1:user/&{aws:username}"] },
                { type: "AWS", identifiers: ["arn:aws:iam::1:user/&{aws:username}"] },
              ],
              conditions: [{ test: "StringLike", variable: "s3:prefix", values: ["home/&{aws:username}/"] }],
              notActions: ["s3:&{x}", "s3:Delete*"],
            },
          ],
        }),
      ) as { Statement: Record<string, unknown>[] }
    ).Statement[0];
    expect(statement).toEqual({
      Effect: "Allow",
      Action: "s3:GetObject",
      NotAction: ["s3:Delete*", "s3:&{x}"],
      Resource: "arn:aws:s3:::b/home/${aws:username}/*",
      Principal: { AWS: "arn:aws:iam::1:user/${aws:username}" },
      Condition: { StringLike: { "s3:prefix": "home/${aws:username}/" } },
    });
  });

  it("writes <, > and & escaped as Go does, and leaves out empty parts", () => {
    const out = outputs({
      statements: [
        { actions: ["s3:GetObject"], resources: ["*"], conditions: [{ test: "StringEquals", variable: "s3:x", values: ["a&b<c>"] }] },
      ],
    });
    expect(out.minifiedJson).toBe(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"s3:x":"a\\u0026b\\u003cc\\u003e"}}}]}',
    );
    expect(outputs({}).json).toBe('{\n  "Version": "2012-10-17"\n}');
    expect(outputs({ policyId: "pid", version: "2008-10-17" }).minifiedJson).toBe('{"Version":"2008-10-17","Id":"pid"}');
  });

  it("gives the id as the CRC-32 of json and echoes its arguments, version defaulted", () => {
    const statements = [{ actions: ["s3:GetObject"], resources: ["*"] }];
    const out = outputs({ statements, policyId: "p" });
    expect(out.id).toBe(String(zlib.crc32(out.json as string)));
    expect(out).toMatchObject({ statements, policyId: "p", version: "2012-10-17" });
    expect(crc32("123456789")).toBe(0xcbf43926);
  });
});

describe("getPolicyDocument merging", () => {
  const doc = (...statements: Record<string, unknown>[]): string => JSON.stringify({ Version: "2012-10-17", Statement: statements });
  const statementsOf = (args: PropertyMap): unknown => (JSON.parse(rendered(args)) as { Statement: unknown }).Statement;

  it("puts configured statements over a source document: same Sid replaces in place (documented source example)", () => {
    expect(
      statementsOf({
        sourcePolicyDocuments: [
          doc(
            { Effect: "Allow", Action: "ec2:*", Resource: "*" },
            { Sid: "SidToOverride", Effect: "Allow", Action: "s3:*", Resource: "*" },
          ),
        ],
        statements: [{ sid: "SidToOverride", actions: ["s3:*"], resources: ["arn:aws:s3:::somebucket", "arn:aws:s3:::somebucket/*"] }],
      }),
    ).toEqual([
      { Effect: "Allow", Action: "ec2:*", Resource: "*" },
      { Sid: "SidToOverride", Effect: "Allow", Action: "s3:*", Resource: ["arn:aws:s3:::somebucket/*", "arn:aws:s3:::somebucket"] },
    ]);
  });

  it("puts override documents over configured statements (documented override example)", () => {
    expect(
      statementsOf({
        overridePolicyDocuments: [doc({ Sid: "SidToOverride", Effect: "Allow", Action: "s3:*", Resource: "*" })],
        statements: [
          { actions: ["ec2:*"], resources: ["*"] },
          { sid: "SidToOverride", actions: ["s3:*"], resources: ["arn:aws:s3:::somebucket", "arn:aws:s3:::somebucket/*"] },
        ],
      }),
    ).toEqual([
      { Effect: "Allow", Action: "ec2:*", Resource: "*" },
      { Sid: "SidToOverride", Effect: "Allow", Action: "s3:*", Resource: "*" },
    ]);
  });

  it("combines source and override documents with no statements of its own (documented example)", () => {
    expect(
      statementsOf({
        sourcePolicyDocuments: [
          doc({ Sid: "OverridePlaceholder", Effect: "Allow", Action: "ec2:DescribeAccountAttributes", Resource: "*" }),
        ],
        overridePolicyDocuments: [doc({ Sid: "OverridePlaceholder", Effect: "Allow", Action: "s3:GetObject", Resource: "*" })],
      }),
    ).toEqual([{ Sid: "OverridePlaceholder", Effect: "Allow", Action: "s3:GetObject", Resource: "*" }]);
  });

  it("appends source documents in order (documented example)", () => {
    expect(
      statementsOf({
        sourcePolicyDocuments: [
          doc({ Effect: "Allow", Action: "ec2:*", Resource: "*" }, { Sid: "UniqueSidOne", Effect: "Allow", Action: "s3:*", Resource: "*" }),
          doc(
            { Sid: "UniqueSidTwo", Effect: "Allow", Action: "iam:*", Resource: "*" },
            { Effect: "Allow", Action: "lambda:*", Resource: "*" },
          ),
        ],
      }),
    ).toEqual([
      { Effect: "Allow", Action: "ec2:*", Resource: "*" },
      { Sid: "UniqueSidOne", Effect: "Allow", Action: "s3:*", Resource: "*" },
      { Sid: "UniqueSidTwo", Effect: "Allow", Action: "iam:*", Resource: "*" },
      { Effect: "Allow", Action: "lambda:*", Resource: "*" },
    ]);
  });

  it("applies override documents one after another (documented example)", () => {
    expect(
      statementsOf({
        overridePolicyDocuments: [
          doc({ Sid: "OverridePlaceHolderOne", Effect: "Allow", Action: "s3:*", Resource: "*" }),
          doc(
            { Effect: "Allow", Action: "ec2:*", Resource: "*" },
            { Sid: "OverridePlaceHolderTwo", Effect: "Allow", Action: "iam:*", Resource: "*" },
          ),
          doc({ Sid: "OverridePlaceHolderOne", Effect: "Deny", Action: "logs:*", Resource: "*" }),
        ],
        statements: [{ sid: "OverridePlaceHolderTwo", effect: "Deny", actions: ["*"], resources: ["*"] }],
      }),
    ).toEqual([
      { Sid: "OverridePlaceHolderTwo", Effect: "Allow", Action: "iam:*", Resource: "*" },
      { Sid: "OverridePlaceHolderOne", Effect: "Deny", Action: "logs:*", Resource: "*" },
      { Effect: "Allow", Action: "ec2:*", Resource: "*" },
    ]);
  });

  it("reads a JSON document as the provider does: keys in any case, lists as written, principals and conditions normalised", () => {
    const source = JSON.stringify({
      version: "2008-10-17",
      ID: "source-id",
      statement: [
        {
          sid: "Read",
          effect: "Allow",
          action: ["s3:ListBucket", "s3:GetObject"],
          Resource: "*",
          Principal: { AWS: ["arn:aws:iam::1:role/a", "arn:aws:iam::1:role/b"], Service: ["codebuild.amazonaws.com"] },
          Condition: {
            Bool: { "aws:SecureTransport": true },
            NumericLessThan: { "s3:max-keys": 10 },
            StringEquals: { "aws:SourceAccount": ["1", "2"] },
            Null: null,
          },
        },
        { Effect: "Deny", NotAction: "s3:*", NotResource: ["arn:aws:s3:::b"], NotPrincipal: "not-only-a-star", Action: null },
        {
          Effect: "Allow",
          Action: "sts:AssumeRole",
          Principal: { AWS: "arn:aws:iam::1:root" },
          Condition: { StringEquals: { "sts:ExternalId": "x" } },
        },
      ],
    });
    const json = JSON.parse(rendered({ sourcePolicyDocuments: [source] })) as Record<string, unknown>;
    expect(json).toEqual({
      Version: "2012-10-17",
      Id: "source-id",
      Statement: [
        {
          Sid: "Read",
          Effect: "Allow",
          Action: ["s3:ListBucket", "s3:GetObject"],
          Resource: "*",
          Principal: { AWS: ["arn:aws:iam::1:role/b", "arn:aws:iam::1:role/a"], Service: ["codebuild.amazonaws.com"] },
          Condition: { Bool: { "aws:SecureTransport": "true" }, StringEquals: { "aws:SourceAccount": ["1", "2"] } },
        },
        { Effect: "Deny", NotAction: "s3:*", NotResource: ["arn:aws:s3:::b"], NotPrincipal: "*" },
        {
          Effect: "Allow",
          Action: "sts:AssumeRole",
          Principal: { AWS: "arn:aws:iam::1:root" },
          Condition: { StringEquals: { "sts:ExternalId": "x" } },
        },
      ],
    });
    expect((JSON.parse(rendered({ sourcePolicyDocuments: [source], policyId: "mine", version: "2012-10-17" })) as { Id: string }).Id).toBe(
      "mine",
    );
    expect(JSON.parse(rendered({ sourcePolicyDocuments: ["null", null] }))).toEqual({ Version: "2012-10-17" });
  });
});

describe("getPolicyDocument refusals", () => {
  const failure = (args: PropertyMap): { property: string; reason: string } => {
    const answer = call(args);
    expect(answer.outputs).toEqual({});
    expect(answer.failures).toHaveLength(1);
    return answer.failures[0];
  };

  it("refuses what the provider validates: Sid characters, effect, version, duplicate Sids, deprecated arguments", () => {
    expect(failure({ statements: [{ sid: "not-alphanumeric", actions: ["s3:*"] }] })).toEqual({
      property: "statements[0].sid",
      reason: "must only include alphanumeric characters",
    });
    expect(failure({ statements: [{ effect: "Maybe" }] }).property).toBe("statements[0].effect");
    expect(failure({ version: "2013-01-01" }).property).toBe("version");
    expect(failure({ statements: [{ sid: "A" }, { sid: "" }, { sid: "" }, { sid: "A" }] }).property).toBe("statements[3].sid");
    expect(failure({ sourceJson: "{}" }).property).toBe("sourceJson");
    expect(failure({ overrideJson: "{}" }).property).toBe("overrideJson");
  });

  it("refuses policy variables in a 2008-10-17 document and unreadable or clashing source documents", () => {
    expect(failure({ version: "2008-10-17", statements: [{ resources: ["arn:aws:s3:::b/&{aws:username}"] }] }).property).toBe(
      "statements[0].resources",
    );
    expect(
      failure({ version: "2008-10-17", statements: [{ principals: [{ type: "AWS", identifiers: ["&{aws:userid}"] }] }] }).property,
    ).toBe("statements[0].principals[0].identifiers");
    expect(
      failure({
        version: "2008-10-17",
        statements: [{ conditions: [{ test: "StringLike", variable: "s3:prefix", values: ["&{aws:username}"] }] }],
      }).property,
    ).toBe("statements[0].conditions[0].values");
    const sid = (name: string): string => JSON.stringify({ Statement: [{ Sid: name, Effect: "Allow", Action: "s3:*", Resource: "*" }] });
    expect(failure({ sourcePolicyDocuments: [sid("Same"), sid("Same")] })).toMatchObject({
      property: "sourcePolicyDocuments[1]",
      reason: expect.stringContaining("duplicate Sid (Same)"),
    });
    for (const bad of [
      "{not json",
      "[]",
      '{"Statement": {}}',
      '{"Statement": ["x"]}',
      '{"Version": 1}',
      '{"Statement": [{"Principal": 1}]}',
      '{"Statement": [{"Principal": null}]}',
      '{"Statement": [{"Principal": {"AWS": [1]}}]}',
      '{"Statement": [{"Condition": []}]}',
      '{"Statement": [{"Condition": {"Bool": "x"}}]}',
      '{"Statement": [{"Condition": {"Bool": {"k": [true]}}}]}',
    ]) {
      expect(failure({ overridePolicyDocuments: [bad] }).property).toBe("overridePolicyDocuments[0]");
    }
    expect(failure({ sourcePolicyDocuments: [{ Statement: [] }] }).reason).toBe("is not a JSON string");
  });
});

describe("getPolicyDocument arguments", () => {
  it("computes on the plain value of secret arguments, and answers every output unknown for unknown ones", () => {
    const secret = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: ["*"] };
    expect(JSON.parse(outputs({ statements: [{ actions: secret, resources: ["*"] }] }).json as string)).toEqual({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
    });
    const unknown = call({ statements: [{ actions: ["s3:GetObject"], resources: [UNKNOWN] }] });
    expect(unknown.answered).toBe(true);
    expect(unknown.outputs).toMatchObject({ json: UNKNOWN, minifiedJson: UNKNOWN, id: UNKNOWN });
  });

  it("reads numbers and booleans in string lists as text and skips nulls", () => {
    expect(
      (JSON.parse(rendered({ statements: [{ actions: [null, 1, true], resources: "*" }] })) as { Statement: unknown[] }).Statement,
    ).toEqual([{ Effect: "Allow", Action: ["true", "1"] }]);
  });
});

describe("Go JSON", () => {
  it("writes an empty document as an empty object (every field is omitempty)", () => {
    expect(goJson(renderDocument(EMPTY_DOCUMENT))).toBe("{}");
  });

  it("writes maps with sorted keys, structs in field order, and Go's escapes", () => {
    expect(goJson({ b: 1, a: [true, null], "<": "\u2028" })).toBe('{"\\u003c":"\\u2028","a":[true,null],"b":1}');
    expect(
      goJson(
        new Map<string, never>([
          ["z", [] as never],
          ["a", {} as never],
        ]),
        "  ",
      ),
    ).toBe('{\n  "z": [],\n  "a": {}\n}');
  });
});
