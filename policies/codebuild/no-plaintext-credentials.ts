/**
 * A stack policy because a value unknown at preview is decided by where it comes from: from an
 * access key, a secret version or a generated password it is a credential; from any other resource
 * it is not; with no recorded source the policy cannot tell.
 */
import { ALLOWED_NAMES_DESCRIPTION, credentialHint, CREDENTIAL_SOURCES } from "../lib/credentials";
import { CompliancePolicy, StackCheck, stackPolicy, stringList, Subject } from "../lib/policy";
import { isUnknown, knownOr, read } from "../lib/props";
import { CODEBUILD_PROJECT } from "../lib/resource-types";

const FIX = "store it in Secrets Manager or Parameter Store and use type SECRETS_MANAGER or PARAMETER_STORE";

/** The credential-producing resources the project's `environment` input came from, or undefined if none are recorded. */
function credentialSources(project: Subject): readonly Subject[] | undefined {
  const sources = project.propertyDependencies?.environment;
  return sources && sources.length > 0 ? sources.filter((source) => CREDENTIAL_SOURCES.has(source.type)) : undefined;
}

function checkVariable(check: StackCheck, project: Subject, variable: unknown, index: number): void {
  const where = `environment.environmentVariables[${index}]`;
  if (isUnknown(variable)) {
    check.undecided(project, `${where} is unknown during preview`);
    return;
  }
  const name = read.string(variable, "name");
  const value = read.string(variable, "value");
  const type = read.string(variable, "type");
  const label = typeof name === "string" ? `${where} (${name})` : where;
  if (type !== undefined && type !== "PLAINTEXT" && !isUnknown(type)) {
    return;
  }
  const hint = credentialHint(name, value, knownOr(read.array(check.config, "allowedNames"), []));
  if (hint !== undefined) {
    if (isUnknown(type)) {
      check.undecided(project, `${label}: ${hint}, and its type is unknown during preview`);
    } else {
      check.violation(project, `${label} is a plain-text variable and ${hint}: ${FIX}`);
    }
    return;
  }
  if (!isUnknown(value) && !isUnknown(name)) {
    return;
  }
  const sources = credentialSources(project);
  if (sources === undefined) {
    check.undecided(project, `${label}: its name or value is unknown during preview and no source resource is recorded`);
  } else if (sources.length > 0 && !isUnknown(type)) {
    const names = sources.map((source) => `${source.name} (${source.type})`).join(", ");
    check.violation(project, `${label} is a plain-text variable whose value is unknown and the environment comes from ${names}: ${FIX}`);
  } else if (sources.length > 0) {
    check.undecided(
      project,
      `${label}: the environment comes from a credential resource and the variable's type is unknown during preview`,
    );
  }
}

function validate(check: StackCheck): void {
  for (const project of check.ofType(CODEBUILD_PROJECT)) {
    const variables = read.array(project.props, "environment.environmentVariables");
    if (isUnknown(variables)) {
      check.undecided(project, "environment.environmentVariables is unknown during preview");
      continue;
    }
    (variables ?? []).forEach((variable, index) => checkVariable(check, project, variable, index));
  }
}

export const codebuildNoPlaintextCredentials: CompliancePolicy = stackPolicy({
  name: "codebuild-no-plaintext-credentials",
  description: "CodeBuild plain-text environment variables must not hold credentials; use Secrets Manager or Parameter Store.",
  severity: "critical",
  enforcementLevel: "mandatory",
  config: { allowedNames: stringList(ALLOWED_NAMES_DESCRIPTION) },
  docs: {
    what: "An environment variable of type `PLAINTEXT` (or no type) must not have a credential-like name (containing SECRET, PASSWORD, PASSWD, TOKEN, API_KEY, ACCESS_KEY, PRIVATE_KEY, CREDENTIAL, or ending in a qualified `_PASS`, `_PWD`, `_LOGIN`, `_AUTH`, `_DSN`) unless the config `allowedNames` lists it, nor a value of a well-known credential's shape under any name (AWS access key id `AKIA`/`ASIA`, GitHub `ghp_`/`github_pat_`, GitLab `glpat-`, Slack `xox?-`, npm `npm_`, a `-----BEGIN ... PRIVATE KEY-----` block), nor a value that comes from an access key, secret version or generated password. A Pulumi secret value is still plain text in the project. A value that is an ARN names where a secret is kept and passes.",
    why: "Plain-text variables are stored and shown as they are: anyone who can read the project, and every build log that echoes the environment, sees the credential.",
    fix: 'Put the value in Secrets Manager or Parameter Store (SecureString) and reference it with `type: "SECRETS_MANAGER"` or `"PARAMETER_STORE"`; grant the project\'s role read access to exactly that secret.',
    url: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.secrets-manager",
    compliance: { nist: ["IA-5", "SC-28"], pci: ["8.3.2"] },
  },
  validate,
});
