/**
 * Resource policies (bucket, key, topic, repository, event bus) that grant access to anyone: an
 * Allow statement whose principal is `*` or `{ AWS: "*" }`, or that uses NotPrincipal, with no
 * Condition to narrow it. Any condition counts as narrowing (`aws:SourceAccount`,
 * `aws:PrincipalOrgID`, `aws:SourceArn`, ...): telling a narrowing condition from a decorative one
 * needs the account's context, which a preview does not have.
 */
import type { CompliancePolicy, ResourceCheck, ResourcePolicyDefinition } from "./policy";
import { parsePolicyDocument, Statement } from "./iam-policy";
import { resourcePolicy } from "./policy";
import type { Verdict } from "./state";

/** A statement passes when it admits no one unconditionally, and fails when it is open to anyone. */
function closed(statement: Statement): Verdict {
  if (statement.effect === "Deny" || statement.effect === "invalid" || statement.conditions.length > 0) {
    return "pass";
  }
  // Allow with NotPrincipal grants everyone but the principals it lists.
  const anyone = statement.principals?.anyone === true || statement.notPrincipals !== undefined;
  if (!anyone && statement.principals?.unknown !== true) {
    return "pass";
  }
  return anyone && statement.effect === "Allow" && !statement.conditionsUnknown ? "fail" : "unknown";
}

function label(statement: Statement, index: number): string {
  return statement.sid === undefined ? `Statement[${index}]` : `Statement[${index}] (Sid "${statement.sid}")`;
}

/**
 * Reports the policy document at `path` of `root` when it grants `noun` to anyone: a violation per
 * open statement, `[undecided]` when a part it needs is unknown. A malformed document is a
 * violation too: AWS rejects it, and nothing here can tell whom it was meant to admit. An absent
 * document passes when it is optional (the service's default policy applies); when it is `required`
 * it is `[undecided]`: the provider refuses a registration without it, so offline it is absent only
 * because its value was computed from something unknown during preview.
 */
function reportPublicPolicy(sink: ResourceCheck, root: unknown, path: string, noun: string, required: boolean): void {
  const parsed = parsePolicyDocument(root, path);
  if (parsed.kind === "unknown") {
    sink.undecided(`${path} is unknown during preview: cannot tell whether it opens ${noun} to anyone`);
    return;
  }
  if (parsed.kind === "malformed") {
    sink.violation(`${parsed.reason}: AWS rejects it, and it cannot be checked for a public principal`);
    return;
  }
  if (parsed.kind === "absent") {
    if (required) {
      sink.undecided(
        `${path} is not set: a required policy is missing only when its value is computed and unknown during preview; cannot tell whether it opens ${noun} to anyone`,
      );
    }
    return;
  }
  parsed.value.statements.forEach((statement, index) => {
    const verdict = closed(statement);
    if (verdict === "fail") {
      sink.violation(
        `${path} ${label(statement, index)} allows anyone (principal "*" with no Condition) to use ${noun}: ` +
          "name the accounts, roles or services, or add a condition such as aws:SourceAccount or aws:PrincipalOrgID",
      );
    } else if (verdict === "unknown") {
      sink.undecided(`${path} ${label(statement, index)}: its effect, principal or condition is unknown during preview`);
    }
  });
}

/** A `*-not-public` policy: what differs between them is the resource types, the noun and the docs. */
interface NotPublicDefinition extends Omit<ResourcePolicyDefinition, "enforcementLevel" | "resourceTypes" | "validate" | "remediate"> {
  /** What the `policy` document grants, for messages: `the bucket`. */
  readonly noun: string;
  /** Types whose `policy` input is optional: absent, the service's default policy applies. */
  readonly optionalOn?: readonly string[];
  /** Types whose `policy` input is required. */
  readonly requiredOn: readonly string[];
  /** Types that open the resource through other inputs than a policy document, each with its own check. */
  readonly otherGrants?: Readonly<Record<string, (check: ResourceCheck) => void>>;
}

/**
 * A mandatory policy that reports the `policy` document of each resource of the given types when it
 * grants the resource to anyone (see `reportPublicPolicy`).
 */
export function notPublicPolicy(definition: NotPublicDefinition): CompliancePolicy {
  const { noun, optionalOn = [], requiredOn, otherGrants = {}, ...base } = definition;
  return resourcePolicy({
    ...base,
    enforcementLevel: "mandatory",
    resourceTypes: [...optionalOn, ...requiredOn, ...Object.keys(otherGrants)],
    validate: (check) => {
      const other = otherGrants[check.resource.type];
      if (other !== undefined) {
        other(check);
      } else {
        reportPublicPolicy(check, check.resource.props, "policy", noun, requiredOn.includes(check.resource.type));
      }
    },
  });
}
