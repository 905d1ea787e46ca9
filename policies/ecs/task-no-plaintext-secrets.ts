/**
 * ecs-task-no-plaintext-secrets
 *
 * What: no container `environment` entry may hold a credential: a name like `*_TOKEN`,
 * `*PASSWORD*`, `*API_KEY*`, or an AWS access key id as value.
 * Why: plain environment values are stored in the task definition, readable by anyone with
 * `ecs:DescribeTaskDefinition`, and kept in every revision forever.
 * Fix: move the value to Secrets Manager or Parameter Store and reference it under `secrets`
 * (`valueFrom`); the execution role needs read access to it.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html
 */
import { credentialHint } from "../lib/credentials";
import { CompliancePolicy, ResourceCheck, resourcePolicy } from "../lib/policy";
import { knownOr, read } from "../lib/props";
import { ECS_TASK_DEFINITION } from "../lib/resource-types";
import { containersOf } from "./container-definitions";

function validate(check: ResourceCheck): void {
    for (const container of containersOf(check, "the containers' environment")) {
        knownOr(read.array(container.props, "environment"), []).forEach((variable, index) => {
            const name = read.string(variable, "name");
            const hint = credentialHint(name, read.string(variable, "value"));
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
    docs: {
        what: "No `environment` entry of a container may have a credential-like name (SECRET, PASSWORD, TOKEN, API_KEY, ACCESS_KEY, PRIVATE_KEY, CREDENTIAL) or an AWS access key id as value. A value that is an ARN names where a secret is kept and passes.",
        why: "Environment values are stored in clear in the task definition and every revision of it, readable by anyone who can describe task definitions.",
        fix: "Store the value in Secrets Manager or Parameter Store (SecureString) and list it under the container's `secrets` with `valueFrom`; allow the execution role to read exactly that secret.",
        url: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html",
        compliance: { nist: ["IA-5", "SC-28"], pci: ["8.3.2"] },
    },
    validate,
});
