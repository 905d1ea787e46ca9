/**
 * The IAM documents and managed-policy attachments of every IAM resource type, read once here so
 * each IAM policy sees inline policies, role inline policies and attachments the same way. Every
 * document goes through `lib/iam-policy.ts`.
 */
import { parsePolicyDocument, Statement } from "../lib/iam-policy";
import type { ResourceCheck } from "../lib/policy";
import { isUnknown, knownOr, read, readStrings, StringList } from "../lib/props";
import {
  IAM_GROUP_POLICY,
  IAM_GROUP_POLICY_ATTACHMENT,
  IAM_GROUP_POLICY_ATTACHMENTS_EXCLUSIVE,
  IAM_POLICY,
  IAM_POLICY_ATTACHMENT,
  IAM_ROLE,
  IAM_ROLE_POLICY,
  IAM_ROLE_POLICY_ATTACHMENT,
  IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE,
  IAM_USER_POLICY,
  IAM_USER_POLICY_ATTACHMENT,
  IAM_USER_POLICY_ATTACHMENTS_EXCLUSIVE,
} from "../lib/resource-types";

/** Resources whose `policy` input is a permission document. */
const INLINE_POLICY_TYPES = [IAM_POLICY, IAM_ROLE_POLICY, IAM_USER_POLICY, IAM_GROUP_POLICY];

/** Every resource type that carries permission documents. */
export const PERMISSION_DOCUMENT_TYPES = [...INLINE_POLICY_TYPES, IAM_ROLE];

/** Resource types that attach managed policies, with the input that names them. */
const ATTACHMENT_INPUTS: Readonly<Record<string, string>> = {
  [IAM_ROLE_POLICY_ATTACHMENT]: "policyArn",
  [IAM_USER_POLICY_ATTACHMENT]: "policyArn",
  [IAM_GROUP_POLICY_ATTACHMENT]: "policyArn",
  [IAM_POLICY_ATTACHMENT]: "policyArn",
  [IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE]: "policyArns",
  [IAM_USER_POLICY_ATTACHMENTS_EXCLUSIVE]: "policyArns",
  [IAM_GROUP_POLICY_ATTACHMENTS_EXCLUSIVE]: "policyArns",
  [IAM_ROLE]: "managedPolicyArns",
};

export const ATTACHMENT_TYPES = Object.keys(ATTACHMENT_INPUTS);

/** A statement and the document it came from (`policy`, `inlinePolicies[0].policy`, `assumeRolePolicy`). */
export interface Located {
  readonly where: string;
  readonly statement: Statement;
}

/**
 * Parses one document; unknown → undecided, malformed → violation (IAM rejects it). Absent → nothing
 * for an optional document, undecided for a `required` one: a program cannot leave a required input
 * unset (the provider's Check refuses it), so offline it is absent only because it was computed from a
 * value the preview did not have (a function call with unknown arguments, in the promise form).
 */
function statementsOf(check: ResourceCheck, root: unknown, path: string, where: string, required: boolean): readonly Located[] {
  const parsed = parsePolicyDocument(root, path);
  switch (parsed.kind) {
    case "absent":
      if (required) {
        check.undecided(`${where} is not set: a required document is missing only when its value is computed and unknown during preview`);
      }
      return [];
    case "unknown":
      check.undecided(`${where} is unknown during preview`);
      return [];
    case "malformed":
      check.violation(`${where} is malformed: ${parsed.reason}`);
      return [];
    case "known":
      for (const problem of parsed.value.problems) {
        check.violation(`${where} is malformed: ${problem}`);
      }
      for (const statement of parsed.value.statements.filter((s) => s.effect === "invalid")) {
        check.violation(`${where} is malformed: ${label(statement)} has an Effect other than Allow or Deny`);
      }
      return parsed.value.statements.map((statement) => ({ where, statement }));
  }
}

/** The statements of the resource's permission documents (inline policy, or a role's inline policies). */
export function permissionStatements(check: ResourceCheck): readonly Located[] {
  const props = check.resource.props;
  if (check.resource.type !== IAM_ROLE) {
    return statementsOf(check, props, "policy", "policy", true);
  }
  const inline = read.array(props, "inlinePolicies");
  if (isUnknown(inline)) {
    check.undecided("inlinePolicies is unknown during preview");
    return [];
  }
  return knownOr(inline, []).flatMap((entry, index) => {
    const where = `inlinePolicies[${index}].policy`;
    if (isUnknown(entry)) {
      check.undecided(`inlinePolicies[${index}] is unknown during preview`);
      return [];
    }
    // `inlinePolicies: [{}]` is how a role says it has none, so an entry's policy is optional.
    return statementsOf(check, entry, "policy", where, false);
  });
}

/** The statements of a role's trust policy. */
export function trustStatements(check: ResourceCheck): readonly Located[] {
  return statementsOf(check, check.resource.props, "assumeRolePolicy", "assumeRolePolicy", true);
}

/** The managed policy ARNs the resource attaches and the input they are in; undefined for types that attach none. */
export function attachedPolicyArns(check: ResourceCheck): { readonly input: string; readonly arns: StringList } | undefined {
  const input: string | undefined = ATTACHMENT_INPUTS[check.resource.type];
  return input === undefined ? undefined : { input, arns: readStrings(check.resource.props, input) };
}

/**
 * Reports a statement that would grant too much: a violation when it allows, `[undecided]` when its
 * Effect is unknown at preview, nothing for a Deny (a Deny never grants anything).
 */
export function reportGrant(check: ResourceCheck, located: Located, message: string): void {
  const text = `${located.where}, ${label(located.statement)}: ${message}`;
  if (located.statement.effect === "Allow") {
    check.violation(text);
  } else if (located.statement.effect === "unknown") {
    check.undecided(`${text}, if its Effect (unknown during preview) is Allow`);
  }
}

function label(statement: Statement): string {
  return statement.sid === undefined ? "a statement" : `statement "${statement.sid}"`;
}

/** True when the statement allows, or may allow because its Effect is unknown at preview. */
export function mayGrant(located: Located): boolean {
  return located.statement.effect === "Allow" || located.statement.effect === "unknown";
}
