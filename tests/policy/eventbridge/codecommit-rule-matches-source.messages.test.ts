// The whole message of each finding, as the rule's author reads it: every repository and every unknown
// value it names, and the advice at the end. Partial matches elsewhere leave the lists unchecked.
import { TestResource, unknown } from "../harness";
import {
  codeCommitPattern,
  codeCommitSource,
  findings,
  gitHubSource,
  pipeline,
  PIPELINE,
  rule,
  RULE,
  TARGET,
  TOPIC,
  trigger,
} from "./codecommit-rule";

const messages = async (resources: TestResource[]) => (await findings(resources)).map((d) => `${d.level} ${d.message}`);
const naming = (...repositories: string[]) => codeCommitPattern({ detail: { repositoryName: repositories } });
const appAndLib = [codeCommitSource("app-repo"), codeCommitSource("lib-repo", { name: "Library" })];
const toTopic = (props: Record<string, unknown>, propertyDependencies: Record<string, string[]>): TestResource => ({
  type: TARGET,
  name: "notify",
  props,
  propertyDependencies,
});
const topic: TestResource = { type: TOPIC, name: "alerts", props: {} };

describe("eventbridge-codecommit-rule-matches-source messages", () => {
  it("says why a rule that starts a pipeline without a CodeCommit source is wrong and what to do", async () => {
    expect(await messages(trigger(codeCommitPattern(), gitHubSource))).toEqual([
      "mandatory the rule matches CodeCommit events and starts pipeline app, which has no CodeCommit source action: " +
        "pushes start a build of another source; remove the rule (a connection-based source starts the pipeline itself)",
    ]);
  });

  it("lists every source repository the rule should name", async () => {
    expect(await messages(trigger(codeCommitPattern(), ...appAndLib))).toEqual([
      "mandatory the rule matches events of every CodeCommit repository and starts pipeline app: " +
        "name its source repository (app-repo, lib-repo) in resources or detail.repositoryName",
    ]);
  });

  it("lists every repository the rule names that no source uses, and the sources' repositories", async () => {
    expect(await messages(trigger(naming("web", "docs"), ...appAndLib))).toEqual([
      "mandatory the rule names repository web, docs and starts pipeline app, whose CodeCommit source actions use app-repo, lib-repo",
    ]);
  });

  it("lists every value that keeps it from deciding", async () => {
    const unknownProviders = [
      { ...gitHubSource, provider: unknown },
      { ...gitHubSource, name: "Mirror", provider: unknown },
    ];
    expect(await messages(trigger(codeCommitPattern(), ...unknownProviders))).toEqual([
      "advisory [undecided] the rule matches CodeCommit events; cannot tell whether it has a CodeCommit source (pipeline app: " +
        'stage "Source", action "Source" owner or provider, stage "Source", action "Mirror" owner or provider unknown during preview)',
    ]);
    const unknownRepository = codeCommitSource(unknown, { name: "Library" });
    expect(await messages(trigger(naming("web", "docs"), codeCommitSource("app-repo"), unknownRepository))).toEqual([
      "advisory [undecided] the rule matches CodeCommit events; cannot tell whether repository web, docs is a source of pipeline app " +
        '(pipeline app: stage "Source", action "Library" RepositoryName unknown during preview)',
    ]);
  });

  it("gives every undecided reason of a rule in one finding", async () => {
    const unresolved: TestResource = {
      type: TARGET,
      name: "t",
      props: { rule: unknown, arn: unknown },
      propertyDependencies: { arn: [`${PIPELINE}::other`] },
    };
    const resources = [
      ...trigger(codeCommitPattern(), { ...gitHubSource, provider: unknown }),
      pipeline("other", gitHubSource),
      unresolved,
    ];
    expect(await messages(resources)).toEqual([
      "advisory [undecided] the rule matches CodeCommit events; cannot tell whether it has a CodeCommit source (pipeline app: " +
        'stage "Source", action "Source" owner or provider unknown during preview); ' +
        "target t's rule is unknown during preview and depends on no rule: it may start a pipeline from this rule",
    ]);
  });

  it("judges the pipelines a rule starts beside a notification, and ignores targets of unknown rules that start none", async () => {
    const notify = toTopic({ rule: unknown, arn: unknown }, { rule: [`${RULE}::on-push`], arn: [`${TOPIC}::alerts`] });
    expect(await messages([...trigger(codeCommitPattern(), gitHubSource), notify, topic])).toEqual([
      expect.stringMatching(/^mandatory the rule matches CodeCommit events and starts pipeline app, which has no CodeCommit source action/),
    ]);
    const notifyFromAnyRule = toTopic({ rule: unknown, arn: unknown }, { arn: [`${TOPIC}::alerts`] });
    const notifyFromThisRule = toTopic({ rule: unknown, arn: unknown }, { rule: [`${RULE}::on-push`], arn: [`${TOPIC}::alerts`] });
    expect(await findings([rule(codeCommitPattern()), { ...notifyFromThisRule, name: "mine" }, notifyFromAnyRule, topic])).toEqual([]);
  });
});
