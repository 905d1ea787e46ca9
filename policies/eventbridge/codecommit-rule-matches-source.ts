/**
 * eventbridge-codecommit-rule-matches-source
 *
 * What: an EventBridge rule on `aws.codecommit` events needs a pipeline in the stack with a
 * CodeCommit source action, and must name that action's repository.
 * Why: a CodeCommit rule next to a GitHub-sourced pipeline never fires, and one that names no
 * repository (or another one) starts the pipeline on pushes it does not build. Known failure #6.
 * Fix: delete the rule when the source is a connection (it triggers the pipeline itself), or scope
 * the pattern to the source repository (`resources: [repo.arn]` or `detail.repositoryName`).
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/triggering.html
 */
import { arnResourceName, parseEventPattern, patternValues } from "../lib/event-pattern";
import { actionField, configurationValue, pipelineActions } from "../lib/pipeline";
import { CompliancePolicy, StackCheck, stackPolicy, Subject } from "../lib/policy";
import { isUnknown } from "../lib/props";
import { CLOUDWATCH_EVENT_RULE, CODEPIPELINE_PIPELINE } from "../lib/resource-types";

interface Sources {
    readonly repositories: readonly string[];
    /** A CodeCommit source whose repository is unknown, or a pipeline whose actions are unknown. */
    readonly unknown: readonly string[];
}

function codeCommitSources(check: StackCheck): Sources {
    const repositories: string[] = [];
    const unknown: string[] = [];
    for (const pipeline of check.ofType(CODEPIPELINE_PIPELINE)) {
        const actions = pipelineActions(pipeline.props);
        unknown.push(...actions.unknown.map((path) => `${pipeline.name} ${path}`));
        for (const action of actions.actions) {
            const owner = actionField(action, "owner");
            const provider = actionField(action, "provider");
            const repository = configurationValue(action, "RepositoryName");
            if (isUnknown(owner) || isUnknown(provider)) {
                unknown.push(`${pipeline.name} ${action.label}`);
            } else if (owner === "AWS" && provider === "CodeCommit") {
                if (typeof repository === "string") {
                    repositories.push(repository);
                } else {
                    unknown.push(`${pipeline.name} ${action.label} RepositoryName`);
                }
            }
        }
    }
    return { repositories, unknown };
}

function checkRule(check: StackCheck, rule: Subject, sources: Sources): void {
    const parsed = parseEventPattern(rule.props);
    if (parsed.kind === "unknown") {
        check.undecided(rule, "eventPattern is unknown during preview: cannot tell whether it matches CodeCommit events");
        return;
    }
    if (parsed.kind !== "object") {
        return;
    }
    const source = patternValues(parsed.value, "source");
    if (source.unknown) {
        check.undecided(rule, "the pattern's source is unknown during preview");
        return;
    }
    if (!source.values.includes("aws.codecommit")) {
        return;
    }
    const named = [
        ...patternValues(parsed.value, "resources").values.map(arnResourceName),
        ...patternValues(parsed.value, "detail.repositoryName").values,
    ];
    const undecidedSources = sources.unknown.length > 0 ? sources.unknown.join(", ") : undefined;
    if (sources.repositories.length === 0) {
        if (undecidedSources) {
            check.undecided(rule, `the rule matches CodeCommit events; cannot tell whether a pipeline has a CodeCommit source (${undecidedSources} unknown during preview)`);
        } else {
            check.violation(
                rule,
                "the rule matches CodeCommit events, but no pipeline in this stack has a CodeCommit source action, so it never triggers a build: " +
                    "remove it (a connection-based source starts the pipeline itself)",
            );
        }
        return;
    }
    if (named.length === 0) {
        check.violation(
            rule,
            `the rule matches events of every CodeCommit repository: name the source repository (${sources.repositories.join(", ")}) in resources or detail.repositoryName`,
        );
        return;
    }
    const strangers = named.filter((repository) => !sources.repositories.includes(repository));
    if (strangers.length === 0) {
        return;
    }
    if (undecidedSources) {
        check.undecided(rule, `cannot tell whether repository ${strangers.join(", ")} is a pipeline source (${undecidedSources} unknown during preview)`);
    } else {
        check.violation(
            rule,
            `the rule names repository ${strangers.join(", ")}, which is not the RepositoryName of any CodeCommit source action (sources: ${sources.repositories.join(", ")})`,
        );
    }
}

function validate(check: StackCheck): void {
    const rules = check.ofType(CLOUDWATCH_EVENT_RULE);
    if (rules.length === 0) {
        return;
    }
    const sources = codeCommitSources(check);
    for (const rule of rules) {
        checkRule(check, rule, sources);
    }
}

export const codeCommitRuleMatchesSource: CompliancePolicy = stackPolicy({
    name: "eventbridge-codecommit-rule-matches-source",
    description: "An EventBridge rule on CodeCommit events must match the CodeCommit source repository of a pipeline in the stack.",
    severity: "high",
    enforcementLevel: "mandatory",
    docs: {
        what: "An `aws.cloudwatch.EventRule` whose event pattern has source `aws.codecommit` requires a pipeline in the stack with a CodeCommit source action (owner `AWS`, provider `CodeCommit`), and must name that action's `RepositoryName` (in `resources` ARNs or `detail.repositoryName`).",
        why: "A CodeCommit rule next to a GitHub- or connection-sourced pipeline never fires, so changes are not built; a rule that names no repository or another one starts the pipeline on unrelated pushes.",
        fix: "Remove the rule when the pipeline uses a connection source (the connection triggers the pipeline). If the source really is CodeCommit, scope the pattern to that repository, e.g. `resources: [repo.arn]`.",
        url: "https://docs.aws.amazon.com/codepipeline/latest/userguide/triggering.html",
        compliance: { nist: ["CM-3"] },
    },
    validate,
});
