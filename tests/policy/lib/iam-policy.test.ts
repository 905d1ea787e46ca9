import { actionMatches, parsePolicyDocument, type Statement } from "../../../policies/lib/iam-policy";
import { asProps, unknown } from "./sdk-proxy";

const document = (policy: unknown) => parsePolicyDocument(asProps({ policy }), "policy");
const known = (value: object) => ({ kind: "known", value });

/** The one statement of a document holding `statement` alone. */
function statementOf(statement: object): Statement {
  const parsed = document({ Statement: statement });
  if (parsed.kind !== "known" || parsed.value.statements.length !== 1) {
    throw new Error(`expected one parsed statement, got ${JSON.stringify(parsed)}`);
  }
  return parsed.value.statements[0];
}

describe("parsePolicyDocument", () => {
  it("normalises a JSON string with a single statement object and string fields", () => {
    const parsed = document(
      JSON.stringify({ Version: "2012-10-17", Statement: { Effect: "Allow", Action: "s3:GetObject", Resource: "*", Principal: "*" } }),
    );
    expect(parsed).toEqual(
      known({
        version: "2012-10-17",
        problems: [],
        statements: [
          {
            sid: undefined,
            effect: "Allow",
            actions: { values: ["s3:GetObject"], unknown: false },
            notActions: { values: [], unknown: false },
            resources: { values: ["*"], unknown: false },
            notResources: { values: [], unknown: false },
            principals: { anyone: true, byType: {}, unknown: false },
            notPrincipals: undefined,
            conditions: [],
            conditionsUnknown: false,
          },
        ],
      }),
    );
  });

  it("normalises an object with statement lists, principal types and conditions", () => {
    const parsed = document({
      Statement: [
        {
          Sid: "Deploy",
          Effect: "Deny",
          NotAction: ["iam:*"],
          NotResource: "arn:aws:s3:::b/*",
          Principal: { AWS: ["arn:aws:iam::111111111111:root", "*"], Service: "codebuild.amazonaws.com" },
          NotPrincipal: { Federated: unknown },
          Condition: { StringEquals: { "aws:SourceAccount": "111111111111", "aws:SourceArn": ["a", "b"] }, Bool: unknown },
        },
      ],
    });
    expect(parsed.kind).toBe("known");
    const [statement] = parsed.kind === "known" ? parsed.value.statements : [];
    expect(statement).toMatchObject({
      sid: "Deploy",
      effect: "Deny",
      notActions: { values: ["iam:*"], unknown: false },
      notResources: { values: ["arn:aws:s3:::b/*"], unknown: false },
      principals: {
        anyone: true,
        unknown: false,
        byType: {
          AWS: { values: ["arn:aws:iam::111111111111:root", "*"], unknown: false },
          Service: { values: ["codebuild.amazonaws.com"], unknown: false },
        },
      },
      notPrincipals: { anyone: false, unknown: true },
      conditions: [
        { operator: "StringEquals", key: "aws:SourceAccount", values: { values: ["111111111111"], unknown: false } },
        { operator: "StringEquals", key: "aws:SourceArn", values: { values: ["a", "b"], unknown: false } },
      ],
      conditionsUnknown: true,
    });
  });

  it("flags unknown parts per field", () => {
    const parsed = document({
      Statement: [{ Effect: unknown, Action: ["s3:*", unknown], Resource: unknown, Principal: unknown, Condition: unknown }],
    });
    const [statement] = parsed.kind === "known" ? parsed.value.statements : [];
    expect(statement).toMatchObject({
      effect: "unknown",
      actions: { values: ["s3:*"], unknown: true },
      resources: { values: [], unknown: true },
      principals: { anyone: false, unknown: true },
      conditionsUnknown: true,
    });
    expect(document({ Statement: unknown })).toEqual({ kind: "unknown" });
    expect(document(unknown)).toEqual({ kind: "unknown" });
  });

  it("reports problems without throwing on malformed documents", () => {
    expect(document("{")).toEqual({ kind: "malformed", reason: expect.stringContaining("not valid JSON") });
    expect(document(undefined)).toEqual({ kind: "absent" });
    expect(document({ Version: 1 })).toEqual(known({ version: undefined, statements: [], problems: ["the document has no Statement"] }));
    const mixed = document({ Statement: [null, "x", { Effect: "allow" }] });
    expect(mixed).toMatchObject(
      known({
        problems: ["Statement[0] is not an object", "Statement[1] is not an object"],
        statements: [{ effect: "invalid" }],
      }),
    );
    expect(document({ Statement: "Allow" })).toMatchObject(known({ statements: [], problems: [] }));
    expect(statementOf({ Principal: { AWS: 5 } }).principals).toEqual({
      anyone: false,
      byType: { AWS: { values: [], unknown: false } },
      unknown: false,
    });
    expect(statementOf({ Principal: "someone", Condition: { StringLike: "x" } })).toMatchObject({
      principals: { anyone: false, byType: {} },
      conditions: [],
    });
  });

  it("gives the same result for a repeated document, past the bound of remembered documents", () => {
    const policyOf = (i: number): string =>
      JSON.stringify({ Version: "2012-10-17", Statement: { Effect: "Allow", Action: `s3:Action${i}`, Resource: "*" } });
    const first = document(policyOf(0));
    for (let i = 1; i <= 600; i++) {
      expect(document(policyOf(i))).toMatchObject(known({ statements: [{ actions: { values: [`s3:Action${i}`] } }] }));
    }
    expect(document(policyOf(0))).toEqual(first);
    expect(document(policyOf(600))).toBe(document(policyOf(600)));
  });

  it("names the path of the document in a malformed reason, whichever path parsed the same text first", () => {
    expect(document("{oops")).toMatchObject({ kind: "malformed", reason: expect.stringMatching(/^policy is not valid JSON/) });
    expect(parsePolicyDocument(asProps({ assumeRolePolicy: "{oops" }), "assumeRolePolicy")).toMatchObject({
      kind: "malformed",
      reason: expect.stringMatching(/^assumeRolePolicy is not valid JSON/),
    });
  });
});

describe("action matching", () => {
  it("follows IAM wildcards, case-insensitively, with regex characters taken literally", () => {
    expect(actionMatches("s3:*", "s3:PutObject")).toBe(true);
    expect(actionMatches("*", "iam:PassRole")).toBe(true);
    expect(actionMatches("s3:Get?bject", "S3:GETOBJECT")).toBe(true);
    expect(actionMatches("s3:Get*", "s3:PutObject")).toBe(false);
    expect(actionMatches("s3:Get.Object", "s3:GetXObject")).toBe(false);
    const allows = (statement: object, action: string) => statementOf(statement).actions.values.some((p) => actionMatches(p, action));
    expect(allows({ Action: ["ecr:*"] }, "ecr:PutImage")).toBe(true);
    expect(allows({ Action: "ecr:Get*" }, "ecr:PutImage")).toBe(false);
  });

  it("matches correctly past the bound of remembered patterns", () => {
    for (let i = 0; i <= 600; i++) {
      expect(actionMatches(`s3:Get${i}*`, `S3:GET${i}OBJECT`)).toBe(true);
      expect(actionMatches(`s3:Get${i}*`, `s3:Put${i}Object`)).toBe(false);
    }
    expect(actionMatches("s3:Get0*", "s3:get0x")).toBe(true);
  });
});
