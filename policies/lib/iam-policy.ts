/**
 * IAM policy documents (JSON string or object) normalised once: statement as object or list,
 * Action/Resource/Principal as string or list, conditions flattened. Unknown parts are flagged per
 * field, so a policy can still decide on the known parts (an `Action: "*"` next to an unknown
 * Resource is already a finding) and report `[undecided]` only when it needs the unknown part.
 */
import { parseDocument } from "./json";
import { isUnknown, knownOr, lookup, read, readStrings, StringList, UNKNOWN } from "./props";
import type { ValueState } from "./state";

type Effect = "Allow" | "Deny" | "unknown" | "invalid";

interface Principals {
  /** `"Principal": "*"`: anyone. */
  readonly anyone: boolean;
  /** Principal lists by type: `AWS`, `Service`, `Federated`, `CanonicalUser`. */
  readonly byType: Readonly<Record<string, StringList>>;
  readonly unknown: boolean;
}

interface Condition {
  readonly operator: string;
  readonly key: string;
  readonly values: StringList;
}

export interface Statement {
  readonly sid?: string;
  readonly effect: Effect;
  readonly actions: StringList;
  readonly notActions: StringList;
  readonly resources: StringList;
  readonly notResources: StringList;
  readonly principals?: Principals;
  readonly notPrincipals?: Principals;
  readonly conditions: readonly Condition[];
  /** The Condition block, or one operator's block in it, is unknown. */
  readonly conditionsUnknown: boolean;
}

/** A policy document whose JSON parsed: its statements, and what is wrong with its structure. */
interface PolicyDocument {
  readonly version?: string;
  readonly statements: readonly Statement[];
  readonly problems: readonly string[];
}

type ParsedPolicy = ValueState<PolicyDocument>;

function parseEffect(statement: unknown): Effect {
  const effect = read.string(statement, "Effect");
  if (isUnknown(effect)) {
    return "unknown";
  }
  return effect === "Allow" || effect === "Deny" ? effect : "invalid";
}

function parsePrincipals(statement: unknown, key: string): Principals | undefined {
  const principal = lookup(statement, key);
  if (principal === undefined || principal === null) {
    return undefined;
  }
  if (isUnknown(principal)) {
    return { anyone: false, byType: {}, unknown: true };
  }
  if (principal === "*") {
    return { anyone: true, byType: {}, unknown: false };
  }
  const byType: Record<string, StringList> = {};
  for (const [type] of knownOr(read.entries(principal), [])) {
    byType[type] = readStrings(principal, [type]);
  }
  const lists = Object.values(byType);
  return {
    anyone: lists.some((list) => list.values.includes("*")),
    byType,
    unknown: lists.some((list) => list.unknown),
  };
}

function parseConditions(statement: unknown): Pick<Statement, "conditions" | "conditionsUnknown"> {
  const operators = read.entries(statement, "Condition");
  if (operators === UNKNOWN) {
    return { conditions: [], conditionsUnknown: true };
  }
  const conditions: Condition[] = [];
  let conditionsUnknown = false;
  for (const [operator, block] of operators ?? []) {
    const keys = read.entries(block);
    conditionsUnknown ||= keys === UNKNOWN;
    for (const [key] of knownOr(keys, [])) {
      conditions.push({ operator, key, values: readStrings(block, [key]) });
    }
  }
  return { conditions, conditionsUnknown };
}

function parseStatement(statement: unknown): Statement {
  const sid = read.string(statement, "Sid");
  return {
    sid: typeof sid === "string" ? sid : undefined,
    effect: parseEffect(statement),
    actions: readStrings(statement, "Action"),
    notActions: readStrings(statement, "NotAction"),
    resources: readStrings(statement, "Resource"),
    notResources: readStrings(statement, "NotResource"),
    principals: parsePrincipals(statement, "Principal"),
    notPrincipals: parsePrincipals(statement, "NotPrincipal"),
    ...parseConditions(statement),
  };
}

// Several policies parse the same document of a resource, each from its own copy of the inputs. A
// document given as a JSON string is a plain value: its parse depends only on the string (and the path
// named in a malformed reason), and the result is read-only, so it is shared. Bounded by clearing.
const CACHE_LIMIT = 512;
const parsedStrings = new Map<string, ParsedPolicy>();

/** Parses the policy document at `path` of `root` (`"policy"`, `"assumeRolePolicy"`, ...). */
export function parsePolicyDocument(root: unknown, path: string): ParsedPolicy {
  const input = lookup(root, path);
  if (typeof input !== "string") {
    return parseFresh(root, path);
  }
  const key = `${path}\0${input}`;
  let parsed = parsedStrings.get(key);
  if (parsed === undefined) {
    if (parsedStrings.size >= CACHE_LIMIT) {
      parsedStrings.clear();
    }
    parsed = parseFresh(root, path);
    parsedStrings.set(key, parsed);
  }
  return parsed;
}

function parseFresh(root: unknown, path: string): ParsedPolicy {
  const parsed = parseDocument(root, path);
  if (parsed.kind !== "known") {
    return parsed;
  }
  const document = parsed.value;
  const version = read.string(document, "Version");
  const raw = lookup(document, "Statement");
  if (isUnknown(raw)) {
    return { kind: "unknown" };
  }
  const list = knownOr(read.array(raw), typeof raw === "object" && raw !== null ? [raw] : []);
  const problems: string[] = [];
  const statements: Statement[] = [];
  list.forEach((statement, index) => {
    if (typeof statement === "object" && statement !== null) {
      statements.push(parseStatement(statement));
    } else {
      problems.push(`Statement[${index}] is not an object`);
    }
  });
  if (raw === undefined) {
    problems.push("the document has no Statement");
  }
  return { kind: "known", value: { version: typeof version === "string" ? version : undefined, statements, problems } };
}

// Building a RegExp per comparison was the pack's largest cost on large stacks; patterns repeat.
// No `g` or `y` flag, so `test` keeps no state between calls.
const actionPatterns = new Map<string, RegExp>();

/** IAM action matching: case-insensitive, `*` and `?` wildcards in the statement's pattern. */
export function actionMatches(pattern: string, action: string): boolean {
  let regex = actionPatterns.get(pattern);
  if (regex === undefined) {
    if (actionPatterns.size >= CACHE_LIMIT) {
      actionPatterns.clear();
    }
    const source = pattern
      .split("")
      .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
      .join("");
    regex = new RegExp(`^${source}$`, "i");
    actionPatterns.set(pattern, regex);
  }
  return regex.test(action);
}
