import { analyzeResource, of, secret, unknown } from "../harness";
import { build as buildAction, PIPELINE, source } from "./pipeline";

const POLICY = "codepipeline-no-github-v1-source";

const githubV1 = (configuration: Record<string, unknown> = {}) => ({
  name: "GitHub",
  category: "Source",
  owner: "ThirdParty",
  provider: "GitHub",
  version: "1",
  outputArtifacts: ["source"],
  configuration: { Owner: "acme", Repo: "app", Branch: "main", OAuthToken: "ghp_example", ...configuration },
});

const connectionSource = (configuration: Record<string, unknown> = {}) => {
  const action = source();
  return { ...action, configuration: { ...(action.configuration as object), OutputArtifactFormat: "CODE_ZIP", ...configuration } };
};

const build = buildAction();

const pipeline = (stages: unknown) => ({ name: "app", artifactStores: [{ location: "bucket", type: "S3" }], stages });

async function findings(stages: unknown) {
  return of(POLICY, await analyzeResource(PIPELINE, "pipeline", pipeline(stages)));
}

describe("codepipeline-no-github-v1-source", () => {
  it("reports known failure #5: ThirdParty/GitHub v1 with an OAuth token, naming stage and action", async () => {
    const result = await findings([
      { name: "Source", actions: [githubV1()] },
      { name: "Build", actions: [build] },
    ]);
    expect(result).toHaveLength(1);
    expect(result[0].level).toBe("mandatory");
    expect(result[0].message).toMatch(/^stage "Source", action "GitHub" uses the GitHub version 1 source .* and has an OAuthToken/);
    expect(result[0].message).toContain("CodeStarSourceConnection");
    expect(result[0].message).toContain("aws.codeconnections.Connection");
  });

  it("passes the right snippet: a CodeStarSourceConnection source", async () => {
    expect(
      await findings([
        { name: "Source", actions: [connectionSource()] },
        { name: "Build", actions: [build] },
      ]),
    ).toEqual([]);
  });

  it("reports an OAuthToken key whatever its value: secret, unknown or empty", async () => {
    for (const token of [secret("ghp_example"), unknown, "", null]) {
      const result = await findings([{ name: "Source", actions: [connectionSource({ OAuthToken: token })] }]);
      expect(result.map((d) => d.message)).toEqual([expect.stringMatching(/has an OAuthToken in its configuration/)]);
    }
  });

  it("reports GitHub v1 without a token, and a secret configuration map", async () => {
    const noToken = githubV1();
    delete (noToken.configuration as Record<string, unknown>).OAuthToken;
    const result = await findings([{ name: "Source", actions: [noToken] }]);
    expect(result.map((d) => d.message)).toEqual([expect.not.stringContaining("OAuthToken in its configuration")]);
    const secretMap = { ...connectionSource(), configuration: secret({ OAuthToken: "x" }) };
    expect(await findings([{ name: "Source", actions: [secretMap] }])).toHaveLength(1);
  });

  it("reports each offending action of a multi-stage, multi-source pipeline", async () => {
    const result = await findings([
      { name: "Source", actions: [githubV1(), connectionSource(), { ...githubV1(), name: "Library" }] },
      { name: "Build", actions: [build] },
      { name: "Extra", actions: [{ ...githubV1(), name: "Tools" }] },
    ]);
    expect(result.map((d) => d.message.split(" uses")[0])).toEqual([
      'stage "Source", action "GitHub"',
      'stage "Source", action "Library"',
      'stage "Extra", action "Tools"',
    ]);
  });

  it("labels actions by position when their names are unknown", async () => {
    const result = await findings([{ name: unknown, actions: [{ ...githubV1(), name: unknown }] }]);
    expect(result[0].message).toMatch(/^stage #1, action #1 /);
  });

  it("reports undecided, never a silent pass, for unknown stages, actions and fields", async () => {
    const cases = [
      unknown,
      [unknown],
      [{ name: "Source", actions: unknown }],
      [{ name: "Source", actions: [unknown] }],
      [{ name: "Source", actions: [{ ...connectionSource(), configuration: unknown }] }],
      [{ name: "Source", actions: [{ ...connectionSource(), owner: unknown }] }],
      [{ name: "Source", actions: [{ ...connectionSource(), provider: unknown }] }],
    ];
    for (const stages of cases) {
      const result = await findings(stages);
      expect(result).toEqual([expect.objectContaining({ level: "advisory", message: expect.stringMatching(/^\[undecided\] /) })]);
    }
  });

  it("still reports a token next to an unknown owner", async () => {
    const result = await findings([{ name: "Source", actions: [{ ...githubV1(), owner: unknown }] }]);
    expect(result).toEqual([expect.objectContaining({ level: "mandatory" })]);
  });

  it("names only what it found: the GitHub version 1 source, or the token, each alone", async () => {
    const noToken = githubV1();
    delete (noToken.configuration as Record<string, unknown>).OAuthToken;
    const v1 = await findings([{ name: "Source", actions: [noToken] }]);
    expect(v1.map((d) => d.message)).toEqual([
      expect.stringMatching(/^stage "Source", action "GitHub" uses the GitHub version 1 source \(ThirdParty\/GitHub\): use owner AWS, /),
    ]);
    const token = await findings([{ name: "Source", actions: [connectionSource({ OAuthToken: "x" })] }]);
    expect(token.map((d) => d.message)).toEqual([
      expect.stringMatching(/^stage "Source", action "Source" has an OAuthToken in its configuration: use owner AWS, /),
    ]);
  });

  it("needs both owner ThirdParty and provider GitHub for version 1", async () => {
    const noToken = (extra: Record<string, unknown>) => ({ ...connectionSource(), ...extra });
    for (const action of [noToken({ owner: "ThirdParty", provider: "Jenkins" }), noToken({ owner: "AWS", provider: "GitHub" })]) {
      expect(await findings([{ name: "Source", actions: [action] }])).toEqual([]);
    }
  });

  it("says in an undecided finding which path or action it could not see", async () => {
    const messages = async (stages: unknown) => (await findings(stages)).map((d) => d.message);
    expect(await messages(unknown)).toEqual([expect.stringMatching(/^\[undecided\] stages is unknown during preview: .*GitHub version 1/)]);
    expect(await messages([{ name: "Source", actions: [{ ...connectionSource(), owner: unknown }] }])).toEqual([
      expect.stringMatching(/^\[undecided\] stage "Source", action "Source": its owner, provider or configuration is unknown/),
    ]);
  });

  it("stays silent on odd input", async () => {
    for (const stages of [
      null,
      "x",
      7,
      [null],
      [{ actions: "x" }],
      [{ actions: [null, 3, "a"] }],
      [{ actions: [{ configuration: "OAuthToken" }] }],
    ]) {
      expect(await findings(stages)).toEqual([]);
    }
  });
});
