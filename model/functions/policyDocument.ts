/**
 * `aws:iam/getPolicyDocument:getPolicyDocument`, computed locally as the provider computes it (it calls
 * no AWS API): the configured statements, merged over `sourcePolicyDocuments` and under
 * `overridePolicyDocuments` by Sid, rendered as `json` (indented two spaces) and `minifiedJson`, with
 * `id` the CRC-32 of `json`.
 *
 * Rendering rules (the provider's, kept even where odd): a statement without a Sid has no `Sid` key;
 * `effect` defaults to Allow and `version` to 2012-10-17; actions, resources and principal identifiers
 * are sets (duplicates collapse), a single one renders as a string, several as a list sorted in
 * descending order; condition values keep their order and collapse to a string when single;
 * principals render as a map by type, except one principal of type `*` with identifier `*`, which
 * renders as `"*"`; `&{...}` becomes `${...}` in resources, identifiers and condition values (an error
 * with version 2008-10-17).
 *
 * One difference: when several principal blocks share a type, or several condition blocks share a test
 * and variable, the provider joins their lists in its set order (a hash); the model joins them in the
 * order given. The document means the same; only the order inside that list can differ.
 */
import { crc32 } from "./crc32";
import { goJson } from "./goJson";
import {
  descending,
  EMPTY_DOCUMENT,
  mergeDocuments,
  renderDocument,
  type Condition,
  type PolicyDocument,
  type Principal,
  type Statement,
} from "./iamDocument";
import { readPolicyJson } from "./iamDocumentJson";
import { isRecord } from "../sentinels";
import type { FunctionResult, InvokeFailure, PropertyMap } from "../types";

export const GET_POLICY_DOCUMENT = "aws:iam/getPolicyDocument:getPolicyDocument";

/** The function's outputs (`GetPolicyDocumentResult`). */
export const POLICY_DOCUMENT_OUTPUTS = [
  "id",
  "json",
  "minifiedJson",
  "overrideJson",
  "overridePolicyDocuments",
  "policyId",
  "sourceJson",
  "sourcePolicyDocuments",
  "statements",
  "version",
] as const;

const VERSIONS = ["2008-10-17", "2012-10-17"];
const SID = /^[a-zA-Z0-9]*$/;

/** Thrown while reading the arguments; becomes the call's failure. */
class Refused extends Error {
  constructor(
    readonly property: string,
    reason: string,
  ) {
    super(reason);
  }
}

function record(value: unknown): Readonly<Record<string, unknown>> {
  return isRecord(value) ? value : {};
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The strings of a list argument, as the provider receives them (numbers and booleans as text). */
function strings(value: unknown): string[] {
  return list(value)
    .filter((item) => typeof item === "string" || typeof item === "number" || typeof item === "boolean")
    .map(String);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** A set of strings as the provider renders it: absent when empty, a string when single, else descending. */
function stringSet(values: readonly string[]): string | string[] | undefined {
  const unique = [...new Set(values)];
  if (unique.length === 0) {
    return undefined;
  }
  return unique.length === 1 ? unique[0] : descending(unique);
}

/** `&{aws:username}` stands for the policy variable `${aws:username}` (the Terraform spelling). */
function withPolicyVariables<T extends string | readonly string[] | undefined>(values: T, version: string, property: string): T {
  const replace = (value: string): string => {
    if (version === "2008-10-17" && value.includes("&{")) {
      throw new Refused(property, `found &{ sequence in (${value}), which is not supported in document version 2008-10-17`);
    }
    return value.split("&{").join("${");
  };
  if (values === undefined) {
    return values;
  }
  return (typeof values === "string" ? replace(values) : values.map(replace)) as T;
}

/** Blocks of a set collapse when equal, as set elements do. */
function uniqueBlocks<T>(blocks: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const block of blocks) {
    seen.set(JSON.stringify(block), block);
  }
  return [...seen.values()];
}

function principalsArg(value: unknown, version: string, property: string): Principal[] {
  const blocks = list(value).map((entry) => {
    const block = record(entry);
    return { type: optionalString(block.type) ?? "", identifiers: [...new Set(strings(block.identifiers))].sort() };
  });
  return uniqueBlocks(blocks).map((block, index) => {
    const identifiers = block.identifiers.length === 1 ? block.identifiers[0] : descending(block.identifiers);
    return { type: block.type, identifiers: withPolicyVariables(identifiers, version, `${property}[${index}].identifiers`) };
  });
}

function conditionsArg(value: unknown, version: string, property: string): Condition[] {
  const blocks = list(value).map((entry) => {
    const block = record(entry);
    return { test: optionalString(block.test) ?? "", variable: optionalString(block.variable) ?? "", values: strings(block.values) };
  });
  return uniqueBlocks(blocks).map((block, index) => {
    const values = withPolicyVariables(block.values, version, `${property}[${index}].values`);
    return { test: block.test, variable: block.variable, values: values.length === 1 ? values[0] : values };
  });
}

function statementArg(value: unknown, index: number, version: string): Statement {
  const where = `statements[${index}]`;
  const args = record(value);
  const sid = optionalString(args.sid) ?? "";
  if (!SID.test(sid)) {
    throw new Refused(`${where}.sid`, "must only include alphanumeric characters");
  }
  const effect = optionalString(args.effect) ?? "Allow";
  if (effect !== "Allow" && effect !== "Deny") {
    throw new Refused(`${where}.effect`, `expected effect to be one of ["Allow" "Deny"], got ${effect}`);
  }
  return {
    sid,
    effect,
    action: stringSet(strings(args.actions)),
    notAction: stringSet(strings(args.notActions)),
    resource: withPolicyVariables(stringSet(strings(args.resources)), version, `${where}.resources`),
    notResource: withPolicyVariables(stringSet(strings(args.notResources)), version, `${where}.notResources`),
    principals: principalsArg(args.principals, version, `${where}.principals`),
    notPrincipals: principalsArg(args.notPrincipals, version, `${where}.notPrincipals`),
    conditions: conditionsArg(args.conditions, version, `${where}.conditions`),
  };
}

function configuredStatements(args: Readonly<Record<string, unknown>>, version: string): Statement[] {
  const statements = list(args.statements).map((statement, index) => statementArg(statement, index, version));
  const seen = new Set<string>();
  statements.forEach((statement, index) => {
    if (statement.sid !== "" && seen.has(statement.sid)) {
      throw new Refused(`statements[${index}].sid`, `duplicate Sid (${statement.sid}): remove the Sid or make it unique`);
    }
    seen.add(statement.sid);
  });
  return statements;
}

function documents(value: unknown, property: string): { document: PolicyDocument; property: string }[] {
  return list(value).flatMap((json, index) => {
    if (json === null || json === undefined) {
      return [];
    }
    if (typeof json !== "string") {
      throw new Refused(`${property}[${index}]`, "is not a JSON string");
    }
    const read = readPolicyJson(json);
    if ("unreadable" in read) {
      throw new Refused(`${property}[${index}]`, `cannot read the policy document: ${read.unreadable}`);
    }
    return [{ document: read, property: `${property}[${index}]` }];
  });
}

function sourceDocuments(args: Readonly<Record<string, unknown>>): PolicyDocument[] {
  const sources = documents(args.sourcePolicyDocuments, "sourcePolicyDocuments");
  const seen = new Set<string>();
  for (const { document, property } of sources) {
    for (const statement of document.statements.filter((s) => s.sid !== "")) {
      if (seen.has(statement.sid)) {
        throw new Refused(property, `duplicate Sid (${statement.sid}) in sourcePolicyDocuments: remove the Sid or make it unique`);
      }
      seen.add(statement.sid);
    }
  }
  return sources.map((source) => source.document);
}

function computeDocument(args: Readonly<Record<string, unknown>>): PropertyMap {
  for (const deprecated of ["overrideJson", "sourceJson"]) {
    if (optionalString(args[deprecated])) {
      throw new Refused(
        deprecated,
        `${deprecated} is no longer used: it must be empty (use ${deprecated === "sourceJson" ? "sourcePolicyDocuments" : "overridePolicyDocuments"})`,
      );
    }
  }
  const version = optionalString(args.version) ?? "2012-10-17";
  if (!VERSIONS.includes(version)) {
    throw new Refused("version", `expected version to be one of ["2008-10-17" "2012-10-17"], got ${version}`);
  }
  const configured: PolicyDocument = { version, id: optionalString(args.policyId) ?? "", statements: configuredStatements(args, version) };
  const merged = [
    ...sourceDocuments(args),
    configured,
    ...documents(args.overridePolicyDocuments, "overridePolicyDocuments").map((o) => o.document),
  ].reduce(mergeDocuments, EMPTY_DOCUMENT);
  const rendered = renderDocument(merged);
  const json = goJson(rendered, "  ");
  // The provider echoes its arguments as outputs, the version with its default.
  const echoed = Object.fromEntries(
    ["overrideJson", "overridePolicyDocuments", "policyId", "sourceJson", "sourcePolicyDocuments", "statements"]
      .filter((name) => args[name] !== undefined && args[name] !== null)
      .map((name) => [name, args[name]]),
  );
  return { ...echoed, version, id: String(crc32(json)), json, minifiedJson: goJson(rendered) };
}

/** The function's result for plain arguments (no secrets, no unknowns). */
export function getPolicyDocument(args: PropertyMap): FunctionResult {
  try {
    return { outputs: computeDocument(args) };
  } catch (error) {
    if (error instanceof Refused) {
      const failure: InvokeFailure = { property: error.property, reason: error.message };
      return { failures: [failure] };
    }
    throw error;
  }
}
