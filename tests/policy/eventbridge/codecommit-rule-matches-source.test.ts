import { secret, TestResource, unknown, urnOf } from "../harness";
import {
  codeCommitPattern,
  codeCommitSource,
  findings,
  gitHubSource,
  knownTarget,
  namedRule,
  PIPELINE,
  pipeline,
  RULE,
  rule,
  startsPipeline,
  TARGET,
  TOPIC,
  trigger,
} from "./codecommit-rule";

describe("eventbridge-codecommit-rule-matches-source", () => {
  it("reports known failure #6 against the rule: a CodeCommit rule that starts a GitHub-sourced pipeline", async () => {
    const result = await findings(trigger(JSON.stringify(codeCommitPattern()), gitHubSource));
    expect(result).toEqual([
      expect.objectContaining({
        level: "mandatory",
        urn: urnOf(RULE, "on-push"),
        message: expect.stringContaining("starts pipeline app, which has no CodeCommit source action"),
      }),
    ]);
  });

  it("reports a rule for one repository that starts a GitHub-sourced pipeline while another pipeline uses that repository", async () => {
    const resources = [
      ...trigger(codeCommitPattern({ detail: { repositoryName: ["app-repo"] } }), gitHubSource),
      pipeline("tools", codeCommitSource("app-repo")),
    ];
    const result = await findings(resources);
    expect(result.map((d) => d.message)).toEqual([expect.stringContaining("starts pipeline app, which has no CodeCommit source action")]);
  });

  it("passes the right snippets: a rule naming the started pipeline's CodeCommit repository", async () => {
    const byArn = codeCommitPattern({ resources: ["arn:aws:codecommit:us-east-1:111111111111:app-repo"] });
    expect(await findings(trigger(JSON.stringify(byArn), codeCommitSource("app-repo")))).toEqual([]);
    const byName = codeCommitPattern({ detail: { repositoryName: ["app-repo"], referenceName: ["main"] } });
    expect(await findings(trigger(byName, codeCommitSource("app-repo")))).toEqual([]);
  });

  it("leaves alone rules that start no pipeline: notifications to a topic or a function, and rules without targets", async () => {
    const pullRequests = codeCommitPattern({ "detail-type": ["CodeCommit Pull Request State Change"] });
    const toTopic: TestResource = {
      type: TARGET,
      name: "notify",
      props: { rule: unknown, arn: unknown },
      propertyDependencies: { rule: [`${RULE}::on-push`], arn: [`${TOPIC}::alerts`] },
    };
    const topic: TestResource = { type: TOPIC, name: "alerts", props: {} };
    expect(await findings([pipeline("app", gitHubSource), rule(pullRequests), toTopic, topic])).toEqual([]);
    const toFunction = knownTarget("on-push", "arn:aws:lambda:us-east-1:111111111111:function:notify");
    expect(await findings([pipeline("app", gitHubSource), namedRule(pullRequests), toFunction])).toEqual([]);
    expect(await findings([pipeline("app", gitHubSource), rule(pullRequests)])).toEqual([]);
    // Unknown patterns too (`resources: [repo.arn]` through pulumi.jsonStringify): no pipeline is started.
    expect(await findings([pipeline("app", gitHubSource), rule(unknown), toTopic, topic])).toEqual([]);
  });

  it("counts only AWS-owned CodeCommit actions as CodeCommit sources, whatever another owner calls its provider", async () => {
    const custom = codeCommitSource("app-repo", { owner: "Custom" });
    const result = await findings(trigger(codeCommitPattern({ detail: { repositoryName: ["app-repo"] } }), custom));
    expect(result.map((d) => d.message)).toEqual([expect.stringContaining("starts pipeline app, which has no CodeCommit source action")]);
    expect(await findings(trigger(codeCommitPattern({ detail: { repositoryName: ["app-repo"] } }), codeCommitSource("app-repo")))).toEqual(
      [],
    );
  });

  it("reads the pattern as a JSON string, an object, or a secret", async () => {
    for (const pattern of [
      JSON.stringify(codeCommitPattern()),
      codeCommitPattern(),
      secret(JSON.stringify(codeCommitPattern())),
      { source: "aws.codecommit" },
    ]) {
      expect(await findings(trigger(pattern, gitHubSource))).toHaveLength(1);
    }
  });

  it("reports a rule naming a repository that the started pipeline does not use", async () => {
    const pattern = codeCommitPattern({
      resources: ["arn:aws:codecommit:us-east-1:111111111111:other-repo"],
      detail: { repositoryName: "app-repo" },
    });
    const result = await findings(trigger(pattern, codeCommitSource("app-repo")));
    expect(result.map((d) => d.message)).toEqual([
      expect.stringContaining("names repository other-repo and starts pipeline app, whose CodeCommit source actions use app-repo"),
    ]);
  });

  it("reports a rule that names no repository at all", async () => {
    const result = await findings(trigger(codeCommitPattern(), codeCommitSource("app-repo")));
    expect(result.map((d) => d.message)).toEqual([
      expect.stringContaining("every CodeCommit repository and starts pipeline app: name its source repository (app-repo)"),
    ]);
  });

  it("matches each rule against the sources of the pipelines it starts only", async () => {
    const resources = [
      pipeline("app", codeCommitSource("app-repo"), { ...codeCommitSource("lib-repo"), name: "Lib" }),
      pipeline("tools", gitHubSource, codeCommitSource("tools-repo")),
      rule(codeCommitPattern({ detail: { repositoryName: ["lib-repo", "app-repo"] } }), "lib"),
      startsPipeline("lib", "app"),
      rule(codeCommitPattern({ detail: { repositoryName: ["app-repo"] } }), "cross"),
      startsPipeline("cross", "tools"),
    ];
    const result = await findings(resources);
    expect(result).toEqual([
      expect.objectContaining({
        urn: urnOf(RULE, "cross"),
        message: expect.stringContaining("names repository app-repo and starts pipeline tools"),
      }),
    ]);
  });

  it("finds the pipeline by a known ARN, and accepts pipelines listed as external", async () => {
    const pattern = codeCommitPattern({ detail: { repositoryName: ["app-repo"] } });
    const arn = (name: string) => `arn:aws:codepipeline:us-east-1:111111111111:${name}`;
    expect(await findings([pipeline("app", codeCommitSource("app-repo")), namedRule(pattern), knownTarget("on-push", arn("app"))])).toEqual(
      [],
    );
    const wrong = await findings([pipeline("app", gitHubSource), namedRule(pattern), knownTarget("on-push", arn("app"))]);
    expect(wrong.map((d) => d.level)).toEqual(["mandatory"]);
    const outside = [namedRule(pattern), knownTarget("on-push", arn("shared-pipeline"))];
    expect(await findings(outside, { externalPipelines: ["shared-pipeline"] })).toEqual([]);
    const result = await findings(outside);
    expect(result.map((d) => d.message)).toEqual([
      expect.stringMatching(
        /^\[undecided\] .*starts pipeline shared-pipeline, which this stack does not create: list it in the policy config externalPipelines/,
      ),
    ]);
  });

  it("reports every violation of a rule, and no undecided note beside them", async () => {
    const resources = [
      pipeline("app", gitHubSource),
      pipeline("web", gitHubSource),
      rule(codeCommitPattern()),
      startsPipeline("on-push", "app", "a"),
      startsPipeline("on-push", "web", "b"),
      { type: TARGET, name: "c", props: { rule: unknown, arn: unknown }, propertyDependencies: { rule: [`${RULE}::on-push`] } },
    ];
    expect((await findings(resources)).map((d) => d.level)).toEqual(["mandatory", "mandatory"]);
  });

  it("reports undecided, never a silent pass, when a needed value is unknown", async () => {
    const named = codeCommitPattern({ detail: { repositoryName: ["other"] } });
    const unknownArn: TestResource = {
      type: TARGET,
      name: "t",
      props: { rule: unknown, arn: unknown },
      propertyDependencies: { rule: [`${RULE}::on-push`] },
    };
    const absentArn: TestResource = {
      type: TARGET,
      name: "t",
      props: { rule: unknown },
      propertyDependencies: { rule: [`${RULE}::on-push`] },
    };
    const unresolved: TestResource = {
      type: TARGET,
      name: "t",
      props: { rule: unknown, arn: unknown },
      propertyDependencies: { arn: [`${PIPELINE}::app`] },
    };
    // Each message says what could not be seen, so that the author knows what to make known.
    const cases: [TestResource[], RegExp][] = [
      [trigger(unknown, gitHubSource), /eventPattern is unknown during preview: cannot tell whether it matches CodeCommit events$/],
      [trigger({ source: unknown }, gitHubSource), /the pattern's source is unknown during preview$/],
      [trigger({ source: ["aws.events", unknown] }, gitHubSource), /the pattern's source is unknown during preview$/],
      [
        trigger(codeCommitPattern(), { ...gitHubSource, provider: unknown }),
        /CodeCommit events; cannot tell whether it has a CodeCommit source \(pipeline app: stage "Source", action "Source" owner or provider unknown during preview\)$/,
      ],
      [
        [{ type: PIPELINE, name: "app", props: { stages: unknown } }, rule(codeCommitPattern()), startsPipeline("on-push", "app")],
        /cannot tell whether it has a CodeCommit source \(pipeline app: stages unknown during preview\)$/,
      ],
      [
        trigger(named, codeCommitSource("app-repo"), codeCommitSource(unknown)),
        /cannot tell whether repository other is a source of pipeline app \(pipeline app: stage "Source", action "Source" RepositoryName unknown during preview\)$/,
      ],
      [[rule(codeCommitPattern()), unknownArn], /: cannot tell whether it starts a pipeline$/],
      [[rule(codeCommitPattern()), absentArn], /: cannot tell whether it starts a pipeline$/],
      [
        [pipeline("app", gitHubSource), rule(codeCommitPattern()), unresolved],
        /target t's rule is unknown during preview and depends on no rule: it may start a pipeline from this rule$/,
      ],
    ];
    for (const [resources, message] of cases) {
      const result = await findings(resources);
      expect(result).toEqual([
        expect.objectContaining({ level: "advisory", urn: urnOf(RULE, "on-push"), message: expect.stringMatching(/^\[undecided\] /) }),
      ]);
      expect(result[0].message).toMatch(message);
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
      ...["a", "b", "c", "d", "e", "f"].map((name) => startsPipeline(name, "app")),
    ];
    expect(await findings(resources)).toEqual([]);
    expect(await findings([pipeline("app", gitHubSource)])).toEqual([]);
  });
});
