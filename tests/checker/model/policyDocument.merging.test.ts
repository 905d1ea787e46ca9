// getPolicyDocument merging, refusals and arguments against what the provider documents, and the Go JSON
// writer it renders with. As in policyDocument.rendering.test.ts, the expected documents are written out by
// hand from the provider's documentation examples and rules, never taken from the code under test.
import { UNKNOWN, type PropertyMap } from "../../../model";
import { goJson } from "../../../model/functions/goJson";
import { EMPTY_DOCUMENT, renderDocument } from "../../../model/functions/iamDocument";
import { call, outputs, rendered } from "./policyDocumentCalls";

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
