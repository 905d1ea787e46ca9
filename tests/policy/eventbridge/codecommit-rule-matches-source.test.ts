import { analyzeStack, of, secret, TestResource, unknown, urnOf } from "../harness";

const POLICY = "eventbridge-codecommit-rule-matches-source";
const PIPELINE = "aws:codepipeline/pipeline:Pipeline";
const RULE = "aws:cloudwatch/eventRule:EventRule";

const codeCommitSource = (repository: unknown, extra: Record<string, unknown> = {}) => ({
    name: "Source",
    category: "Source",
    owner: "AWS",
    provider: "CodeCommit",
    version: "1",
    configuration: { RepositoryName: repository, BranchName: "main", PollForSourceChanges: "false" },
    ...extra,
});

const gitHubSource = {
    name: "Source",
    category: "Source",
    owner: "AWS",
    provider: "CodeStarSourceConnection",
    version: "1",
    configuration: { ConnectionArn: "arn:aws:codeconnections:us-east-1:111111111111:connection/abc", FullRepositoryId: "acme/app", BranchName: "main" },
};

const build = { name: "Build", category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" };

const pipeline = (name: string, ...sources: unknown[]): TestResource => ({
    type: PIPELINE,
    name,
    props: { name, stages: [{ name: "Source", actions: sources }, { name: "Build", actions: [build] }] },
});

const codeCommitPattern = (extra: Record<string, unknown> = {}) => ({
    source: ["aws.codecommit"],
    "detail-type": ["CodeCommit Repository State Change"],
    ...extra,
});

const rule = (eventPattern: unknown, name = "on-push"): TestResource => ({ type: RULE, name, props: { eventPattern } });

async function findings(resources: TestResource[]) {
    return of(POLICY, await analyzeStack(resources));
}

describe("eventbridge-codecommit-rule-matches-source", () => {
    it("reports known failure #6 against the rule: a CodeCommit rule next to a GitHub-sourced pipeline", async () => {
        const result = await findings([pipeline("app", gitHubSource), rule(JSON.stringify(codeCommitPattern()))]);
        expect(result).toEqual([
            expect.objectContaining({ level: "mandatory", urn: urnOf(RULE, "on-push"), message: expect.stringContaining("no pipeline in this stack has a CodeCommit source") }),
        ]);
    });

    it("passes the right snippets: no rule, or a rule naming the CodeCommit source repository", async () => {
        expect(await findings([pipeline("app", gitHubSource)])).toEqual([]);
        const byArn = codeCommitPattern({ resources: ["arn:aws:codecommit:us-east-1:111111111111:app-repo"] });
        expect(await findings([pipeline("app", codeCommitSource("app-repo")), rule(JSON.stringify(byArn))])).toEqual([]);
        const byName = codeCommitPattern({ detail: { repositoryName: ["app-repo"], referenceName: ["main"] } });
        expect(await findings([pipeline("app", codeCommitSource("app-repo")), rule(byName)])).toEqual([]);
    });

    it("reads the pattern as a JSON string, an object, or a secret", async () => {
        for (const pattern of [JSON.stringify(codeCommitPattern()), codeCommitPattern(), secret(JSON.stringify(codeCommitPattern())), { source: "aws.codecommit" }]) {
            expect(await findings([pipeline("app", gitHubSource), rule(pattern)])).toHaveLength(1);
        }
    });

    it("reports a rule naming a repository that no source action uses", async () => {
        const pattern = codeCommitPattern({ resources: ["arn:aws:codecommit:us-east-1:111111111111:other-repo"], detail: { repositoryName: "app-repo" } });
        const result = await findings([pipeline("app", codeCommitSource("app-repo")), rule(pattern)]);
        expect(result.map((d) => d.message)).toEqual([expect.stringContaining("names repository other-repo, which is not the RepositoryName")]);
    });

    it("reports a rule that names no repository at all", async () => {
        const result = await findings([pipeline("app", codeCommitSource("app-repo")), rule(codeCommitPattern())]);
        expect(result.map((d) => d.message)).toEqual([expect.stringContaining("every CodeCommit repository: name the source repository (app-repo)")]);
    });

    it("matches against every CodeCommit source of multi-source pipelines and several pipelines", async () => {
        const resources = [
            pipeline("app", codeCommitSource("app-repo"), { ...codeCommitSource("lib-repo"), name: "Lib" }),
            pipeline("tools", gitHubSource, codeCommitSource("tools-repo")),
            rule(codeCommitPattern({ detail: { repositoryName: ["lib-repo", "tools-repo"] } })),
            rule(codeCommitPattern({ detail: { repositoryName: ["docs-repo"] } }), "docs"),
        ];
        const result = await findings(resources);
        expect(result).toEqual([expect.objectContaining({ urn: urnOf(RULE, "docs"), message: expect.stringContaining("docs-repo") })]);
    });

    it("reports undecided, never a silent pass, when a needed value is unknown", async () => {
        const named = codeCommitPattern({ detail: { repositoryName: ["other"] } });
        const cases: TestResource[][] = [
            [pipeline("app", gitHubSource), rule(unknown)],
            [pipeline("app", gitHubSource), rule({ source: unknown })],
            [pipeline("app", gitHubSource), rule({ source: ["aws.events", unknown] })],
            [pipeline("app", { ...gitHubSource, provider: unknown }), rule(codeCommitPattern())],
            [{ type: PIPELINE, name: "app", props: { stages: unknown } }, rule(codeCommitPattern())],
            [pipeline("app", codeCommitSource("app-repo"), codeCommitSource(unknown)), rule(named)],
        ];
        for (const resources of cases) {
            const result = await findings(resources);
            expect(result).toEqual([expect.objectContaining({ level: "advisory", urn: urnOf(RULE, "on-push"), message: expect.stringMatching(/^\[undecided\] /) })]);
        }
    });

    it("ignores rules on other sources, malformed or absent patterns, and stacks without rules", async () => {
        const resources = [
            pipeline("app", gitHubSource),
            rule(JSON.stringify({ source: ["aws.codepipeline"], "detail-type": ["CodePipeline Pipeline Execution State Change"] }), "a"),
            rule("{not json", "b"),
            rule("[1, 2]", "c"),
            rule("", "d"),
            { type: RULE, name: "e", props: { scheduleExpression: "rate(1 day)" } },
            rule({ source: [{ prefix: "aws.code" }] }, "f"),
        ];
        expect(await findings(resources)).toEqual([]);
        expect(await findings([pipeline("app", gitHubSource)])).toEqual([]);
    });
});
