import { ALLOWED_NAMES_DESCRIPTION, credentialHint } from "../lib/credentials";
import { CompliancePolicy, ResourceCheck, resourcePolicy, stringList } from "../lib/policy";
import { knownOr, read } from "../lib/props";
import { ECS_TASK_DEFINITION } from "../lib/resource-types";
import { containersOf } from "./container-definitions";

function validate(check: ResourceCheck): void {
  const allowedNames = knownOr(read.array(check.config, "allowedNames"), []);
  for (const container of containersOf(check, "the containers' environment")) {
    knownOr(read.array(container.props, "environment"), []).forEach((variable, index) => {
      const name = read.string(variable, "name");
      const hint = credentialHint(name, read.string(variable, "value"), allowedNames);
      if (hint !== undefined) {
        check.violation(
          `${container.label}: environment[${index}] (${String(name)}) is a plain value and ${hint}: ` +
            "reference it from Secrets Manager or Parameter Store under secrets (valueFrom) instead",
        );
      }
    });
  }
}

export const ecsTaskNoPlaintextSecrets: CompliancePolicy = resourcePolicy({
  name: "ecs-task-no-plaintext-secrets",
  description: "ECS container environment variables must not hold credentials; use `secrets` instead.",
  severity: "critical",
  enforcementLevel: "mandatory",
  resourceTypes: [ECS_TASK_DEFINITION],
  config: { allowedNames: stringList(ALLOWED_NAMES_DESCRIPTION) },
  docs: {
    what: "No `environment` entry of a container may have a credential-like name (containing SECRET, PASSWORD, PASSWD, TOKEN, API_KEY, ACCESS_KEY, PRIVATE_KEY, CREDENTIAL, or ending in a qualified `_PASS`, `_PWD`, `_LOGIN`, `_AUTH`, `_DSN`) unless the config `allowedNames` lists it, nor a value of a well-known credential's shape under any name (AWS access key id `AKIA`/`ASIA`, GitHub `ghp_`/`github_pat_`, GitLab `glpat-`, Slack `xox?-`, npm `npm_`, a `-----BEGIN ... PRIVATE KEY-----` block). Container definitions given as a Pulumi secret are still stored in clear in the task definition. A value that is an ARN names where a secret is kept and passes.",
    why: "Environment values are stored in clear in the task definition and every revision of it, readable by anyone who can describe task definitions.",
    fix: "Store the value in Secrets Manager or Parameter Store (SecureString) and list it under the container's `secrets` with `valueFrom`; allow the execution role to read exactly that secret.",
    url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html",
    compliance: { nist: ["IA-5", "SC-28"], pci: ["8.3.2"] },
  },
  validate,
});
