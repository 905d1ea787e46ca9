import { actionMatches, Statement } from "../lib/iam-policy";
import { CompliancePolicy, ResourceCheck, resourcePolicy } from "../lib/policy";
import { IAM_ROLE } from "../lib/resource-types";
import { Located, mayGrant, reportGrant, trustStatements } from "./documents";

const WEB_IDENTITY = "sts:AssumeRoleWithWebIdentity";

function conditionValues(statement: Statement, suffix: string): readonly string[] | undefined {
  const matching = statement.conditions.filter((condition) => condition.key.toLowerCase().endsWith(suffix));
  return matching.length === 0 ? undefined : matching.flatMap((condition) => condition.values.values);
}

function checkWebIdentity(check: ResourceCheck, located: Located): void {
  const { statement } = located;
  if (statement.conditionsUnknown) {
    check.undecided(`${located.where}: the Condition of a web-identity statement is unknown during preview`);
    return;
  }
  const audiences = conditionValues(statement, ":aud");
  const subjects = conditionValues(statement, ":sub");
  if (audiences === undefined || subjects === undefined) {
    const missing = [audiences === undefined ? "aud" : "", subjects === undefined ? "sub" : ""].filter((key) => key !== "").join(" and ");
    reportGrant(
      check,
      located,
      `allows ${WEB_IDENTITY} without a condition on the token's ${missing}: any workload of the identity provider may assume the role`,
    );
  } else if (subjects.length > 0 && subjects.every((subject) => subject === "*")) {
    reportGrant(
      check,
      located,
      `allows ${WEB_IDENTITY} for any token subject ("*"): name the repository, branch or workload in the sub condition`,
    );
  }
}

function validate(check: ResourceCheck): void {
  for (const located of trustStatements(check)) {
    const { statement } = located;
    if (statement.principals?.anyone && statement.conditions.length === 0 && !statement.conditionsUnknown) {
      reportGrant(check, located, 'lets any AWS principal ("*") assume the role, with no condition: name the service, account or role');
    } else if (statement.principals?.anyone && statement.conditionsUnknown && mayGrant(located)) {
      check.undecided(`${located.where}: a wildcard principal's Condition is unknown during preview`);
    }
    if (statement.notPrincipals !== undefined) {
      reportGrant(check, located, "uses NotPrincipal, which trusts every other principal: name the principals instead");
    }
    if (statement.actions.values.some((action) => actionMatches(action, WEB_IDENTITY))) {
      checkWebIdentity(check, located);
    } else if (mayGrant(located) && (statement.actions.unknown || statement.principals?.unknown === true)) {
      check.undecided(`${located.where}: its Action or Principal is unknown during preview`);
    }
  }
}

export const iamTrustPolicyPrincipals: CompliancePolicy = resourcePolicy({
  name: "iam-trust-policy-principals",
  description: "Role trust policies must name their principals; web-identity trust needs aud and sub conditions.",
  severity: "critical",
  enforcementLevel: "mandatory",
  resourceTypes: [IAM_ROLE],
  docs: {
    what: 'In `assumeRolePolicy`: no Allow with `Principal` `*` or `{ AWS: "*" }` and no Condition, no `NotPrincipal` in an Allow, and every statement allowing `sts:AssumeRoleWithWebIdentity` has conditions on keys ending in `:aud` and `:sub`, the `sub` values not just `*`.',
    why: "A wildcard principal lets any AWS account assume the role; web-identity trust without an audience and a subject lets any workload of the identity provider (every GitHub repository, for GitHub OIDC) assume it.",
    fix: 'Name the trusted service (`Service: "codebuild.amazonaws.com"`), account or role; for OIDC add `StringEquals` on `<provider>:aud` and `StringEquals`/`StringLike` on `<provider>:sub` naming the repository and branch.',
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html",
    compliance: { nist: ["AC-3", "AC-6", "IA-2"] },
  },
  validate,
});
