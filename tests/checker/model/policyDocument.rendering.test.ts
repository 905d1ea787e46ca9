// getPolicyDocument rendering against what the provider documents. The expected JSON is written out by hand from
// the `aws_iam_policy_document` documentation examples (their rendered output, less the empty `"Sid": ""`
// the provider stopped writing in v5.0.0, hashicorp/terraform-provider-aws#28539) and from the rendering
// rules it documents; none of it is output of the code under test.
import * as zlib from "zlib";
import type { PropertyMap } from "../../../model";
import { crc32 } from "../../../model/functions/crc32";
import { firstStatement, outputs, rendered } from "./policyDocumentCalls";

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
      firstStatement({ statements: [{ actions: ["s3:GetObject"], resources: ["*"], principals: [{ type, identifiers: ["*"] }] }] })
        .Principal;
    expect(principal("*")).toBe("*");
    expect(principal("AWS")).toEqual({ AWS: "*" });
  });

  it("joins principal blocks of the same type: one identifier stays a string until a second one makes a list", () => {
    const principal = (principals: PropertyMap[]): unknown =>
      firstStatement({ statements: [{ actions: ["sts:AssumeRole"], principals }] }).Principal;
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
    const condition = (conditions: PropertyMap[]): unknown =>
      firstStatement({ statements: [{ actions: ["s3:GetObject"], resources: ["*"], conditions }] }).Condition;
    expect(
      condition([
        { test: "StringEquals", variable: "aws:SourceAccount", values: ["222222222222", "111111111111"] },
        { test: "Bool", variable: "aws:SecureTransport", values: ["false"] },
        { test: "StringLike", variable: "s3:prefix", values: ["", "home/"] },
      ]),
    ).toEqual({
      Bool: { "aws:SecureTransport": "false" },
      StringEquals: { "aws:SourceAccount": ["222222222222", "111111111111"] },
      StringLike: { "s3:prefix": ["", "home/"] },
    });
    expect(
      condition([
        { test: "StringEquals", variable: "aws:SourceVpce", values: ["vpce-1"] },
        { test: "StringEquals", variable: "aws:SourceVpce", values: ["vpce-2"] },
      ]),
    ).toEqual({ StringEquals: { "aws:SourceVpce": ["vpce-1", "vpce-2"] } });
  });

  it("treats actions, resources and identifiers as sets and writes &{...} as the policy variable ${...}, except in actions", () => {
    const statement = firstStatement({
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
    });
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
