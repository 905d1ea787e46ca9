/** IAM documents for the IAM policy tests. */
export const POLICY_TYPE = "aws:iam/policy:Policy";
export const ROLE = "aws:iam/role:Role";
export const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

type Statement = Record<string, unknown>;

/** A statement builder: `base`, with any field overridden or added by the builder's argument. */
export const statementLike =
  (base: Statement) =>
  (extra: Statement = {}): Statement => ({ ...base, ...extra });

export const allow = (Action: unknown, Resource: unknown, extra: Statement = {}): Statement => ({
  Effect: "Allow",
  Action,
  Resource,
  ...extra,
});

/** A document as a JSON string, the form `pulumi.jsonStringify` produces. */
export const json = (...statements: Statement[]): string => JSON.stringify({ Version: "2012-10-17", Statement: statements });

/** A document as an object, the form the SDK also accepts. */
export const object = (...statements: Statement[]): Record<string, unknown> => ({ Version: "2012-10-17", Statement: statements });

export const serviceTrust = (service: string): string =>
  json({
    Effect: "Allow",
    Principal: { Service: service },
    Action: "sts:AssumeRole",
    Condition: { StringEquals: { "aws:SourceAccount": "111111111111" } },
  });
