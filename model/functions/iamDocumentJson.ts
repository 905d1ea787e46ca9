// Reads a policy document given as JSON (`sourcePolicyDocuments`, `overridePolicyDocuments`) the way the
// provider does: Go's `encoding/json` into its document type. So field names match case-insensitively,
// Action and Resource keep whatever JSON they held, a string Principal means anyone, and condition
// values that are neither strings, booleans nor string lists are dropped.
import type { GoJson } from "./goJson";
import type { Condition, PolicyDocument, Principal, Statement } from "./iamDocument";
import { isRecord } from "../sentinels";

type Json = GoJson;
type JsonObject = { readonly [key: string]: Json };

/** Thrown inside this module only; `readPolicyJson` returns its message. */
class Unreadable extends Error {}

/** Go matches a JSON key to a field case-insensitively; when several keys match, the last one wins. */
function field(object: JsonObject, name: string): Json | undefined {
  let found: Json | undefined;
  for (const key of Object.keys(object)) {
    if (key.toLowerCase() === name.toLowerCase()) {
      found = object[key];
    }
  }
  return found;
}

function text(object: JsonObject, name: string, where: string): string {
  const value = field(object, name);
  if (value === undefined || value === null) {
    return "";
  }
  if (typeof value !== "string") {
    throw new Unreadable(`${where}${name} is not a string`);
  }
  return value;
}

function principals(value: Json | undefined, where: string): Principal[] {
  if (value === undefined) {
    return [];
  }
  if (typeof value === "string") {
    // Any string, not only "*", reads back as the anyone principal: the provider's own reading.
    return [{ type: "*", identifiers: ["*"] }];
  }
  if (!isRecord(value)) {
    throw new Unreadable(`${where} is neither a string nor a map of principal lists`);
  }
  return Object.keys(value).map((type) => {
    const identifiers = value[type];
    if (typeof identifiers === "string") {
      return { type, identifiers };
    }
    if (Array.isArray(identifiers) && identifiers.every((id): id is string => typeof id === "string")) {
      return { type, identifiers: [...identifiers].sort() };
    }
    throw new Unreadable(`${where}.${type} is neither a string nor a list of strings`);
  });
}

function conditionValues(value: Json): string | string[] | undefined {
  if (typeof value === "string") {
    return [value];
  }
  if (typeof value === "boolean") {
    return String(value);
  }
  if (Array.isArray(value)) {
    if (!value.every((item): item is string => typeof item === "string")) {
      throw new Unreadable("a condition value list holds something other than strings");
    }
    return [...value];
  }
  return undefined;
}

function conditions(value: Json | undefined, where: string): Condition[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (!isRecord(value)) {
    throw new Unreadable(`${where} is not a map of operators`);
  }
  const result: Condition[] = [];
  for (const test of Object.keys(value)) {
    const block = value[test];
    if (block === null) {
      continue;
    }
    if (!isRecord(block)) {
      throw new Unreadable(`${where}.${test} is not a map of context keys`);
    }
    for (const variable of Object.keys(block)) {
      const values = conditionValues(block[variable]);
      if (values !== undefined) {
        result.push({ test, variable, values });
      }
    }
  }
  return result;
}

function raw(object: JsonObject, name: string): Json | undefined {
  const value = field(object, name);
  return value === null ? undefined : value;
}

function statement(value: Json, index: number): Statement {
  const where = `Statement[${index}]`;
  if (!isRecord(value)) {
    throw new Unreadable(`${where} is not an object`);
  }
  return {
    sid: text(value, "Sid", `${where}.`),
    effect: text(value, "Effect", `${where}.`),
    action: raw(value, "Action"),
    notAction: raw(value, "NotAction"),
    resource: raw(value, "Resource"),
    notResource: raw(value, "NotResource"),
    // A null Principal is not "no principal" to the provider: it fails to read it.
    principals: principals(field(value, "Principal"), `${where}.Principal`),
    notPrincipals: principals(field(value, "NotPrincipal"), `${where}.NotPrincipal`),
    conditions: conditions(field(value, "Condition"), `${where}.Condition`),
  };
}

/** The document in `json`, or why the provider cannot read it. */
export function readPolicyJson(json: string): PolicyDocument | { readonly unreadable: string } {
  let parsed: Json;
  try {
    parsed = JSON.parse(json) as Json;
  } catch (error) {
    return { unreadable: `not valid JSON (${(error as Error).message})` };
  }
  try {
    if (parsed === null) {
      return { version: "", id: "", statements: [] };
    }
    if (!isRecord(parsed)) {
      throw new Unreadable("not a JSON object");
    }
    const list = field(parsed, "Statement");
    if (list !== undefined && list !== null && !Array.isArray(list)) {
      throw new Unreadable("Statement is not a list");
    }
    return {
      version: text(parsed, "Version", ""),
      id: text(parsed, "Id", ""),
      statements: ((list ?? []) as readonly Json[]).map(statement),
    };
  } catch (error) {
    if (error instanceof Unreadable) {
      return { unreadable: error.message };
    }
    throw error;
  }
}
