// The IAM policy document as the AWS provider holds it while it builds `getPolicyDocument`'s output (the
// Terraform `aws_iam_policy_document` data source, which the Pulumi provider bridges): read back from
// JSON with Go's `encoding/json` rules, merged by Sid, and rendered. Facts from the data source's
// documentation and behaviour; the quirks kept on purpose are named where they are kept.
import type { GoJson } from "./goJson";

/** One principal block: identifiers render as a string when there is one, else as a list. */
export interface Principal {
  readonly type: string;
  readonly identifiers: string | readonly string[];
}

/** One condition block: `test` is the operator, `variable` the context key. */
export interface Condition {
  readonly test: string;
  readonly variable: string;
  readonly values: string | readonly string[];
}

export interface Statement {
  /** Empty: no Sid, rendered without one, never overridden by a merge. */
  readonly sid: string;
  readonly effect: string;
  /** Action, NotAction, Resource, NotResource as rendered; a JSON document's may hold any JSON value. */
  readonly action?: GoJson;
  readonly notAction?: GoJson;
  readonly resource?: GoJson;
  readonly notResource?: GoJson;
  readonly principals: readonly Principal[];
  readonly notPrincipals: readonly Principal[];
  readonly conditions: readonly Condition[];
}

export interface PolicyDocument {
  readonly version: string;
  readonly id: string;
  readonly statements: readonly Statement[];
}

export const EMPTY_DOCUMENT: PolicyDocument = { version: "", id: "", statements: [] };

/** Descending code-unit order: how the provider lists a set of strings. */
export function descending(values: readonly string[]): string[] {
  return [...values].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

/**
 * `next` merged over `base`: a statement with a Sid replaces the one with the same Sid in place, any
 * other statement is appended; a non-empty Id replaces, a later Version (compared as text) upgrades.
 */
export function mergeDocuments(base: PolicyDocument, next: PolicyDocument): PolicyDocument {
  const statements = [...base.statements];
  for (const statement of next.statements) {
    const at = statement.sid === "" ? -1 : statements.findIndex((existing) => existing.sid === statement.sid);
    if (at >= 0) {
      statements[at] = statement;
    } else {
      statements.push(statement);
    }
  }
  return {
    version: next.version > base.version ? next.version : base.version,
    id: next.id !== "" ? next.id : base.id,
    statements,
  };
}

function renderPrincipals(principals: readonly Principal[]): GoJson | undefined {
  if (principals.length === 0) {
    return undefined;
  }
  // Only a lone `*` principal renders as the bare "*": `{"AWS": "*"}` means something else to IAM
  // (a role trust policy rejects the bare form), so typed wildcards keep their map.
  const [only] = principals;
  if (principals.length === 1 && only.type === "*") {
    const ids = only.identifiers;
    if (ids === "*" || (typeof ids !== "string" && ids.length === 1 && ids[0] === "*")) {
      return "*";
    }
  }
  const byType = new Map<string, string | readonly string[]>();
  for (const { type, identifiers } of principals) {
    const previous = byType.get(type);
    const before = previous === undefined ? [] : typeof previous === "string" ? [previous] : previous;
    if (typeof identifiers === "string") {
      byType.set(type, previous === undefined ? identifiers : [...before, identifiers]);
    } else {
      byType.set(type, [...before, ...descending(identifiers)]);
    }
  }
  return Object.fromEntries(byType);
}

function renderConditions(conditions: readonly Condition[]): GoJson | undefined {
  if (conditions.length === 0) {
    return undefined;
  }
  const byTest = new Map<string, Map<string, string[]>>();
  for (const { test, variable, values } of conditions) {
    const byVariable = byTest.get(test) ?? new Map<string, string[]>();
    byTest.set(test, byVariable);
    // Values keep their order (their order can matter to the operator); blocks with the same test and
    // variable add up.
    byVariable.set(variable, [...(byVariable.get(variable) ?? []), ...(typeof values === "string" ? [values] : values)]);
  }
  const rendered: Record<string, GoJson> = {};
  for (const [test, byVariable] of byTest) {
    rendered[test] = Object.fromEntries([...byVariable].map(([variable, values]) => [variable, values.length === 1 ? values[0] : values]));
  }
  return rendered;
}

function renderStatement(statement: Statement): GoJson {
  const fields: [string, GoJson | undefined][] = [
    ["Sid", statement.sid || undefined],
    ["Effect", statement.effect || undefined],
    ["Action", statement.action],
    ["NotAction", statement.notAction],
    ["Resource", statement.resource],
    ["NotResource", statement.notResource],
    ["Principal", renderPrincipals(statement.principals)],
    ["NotPrincipal", renderPrincipals(statement.notPrincipals)],
    ["Condition", renderConditions(statement.conditions)],
  ];
  return new Map(fields.filter((field): field is [string, GoJson] => field[1] !== undefined && field[1] !== null));
}

/** The document as the provider writes it: Version, Id, Statement, each left out when empty. */
export function renderDocument(document: PolicyDocument): GoJson {
  const fields: [string, GoJson][] = [];
  if (document.version !== "") {
    fields.push(["Version", document.version]);
  }
  if (document.id !== "") {
    fields.push(["Id", document.id]);
  }
  if (document.statements.length > 0) {
    fields.push(["Statement", document.statements.map(renderStatement)]);
  }
  return new Map(fields);
}
