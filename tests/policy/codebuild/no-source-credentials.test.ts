import { analyzeResource, of, secret, unknown } from "../harness";
import { project, PROJECT } from "./project";

const POLICY = "codebuild-no-source-credentials";

async function findings(props: Record<string, unknown>) {
  return of(POLICY, await analyzeResource(PROJECT, "build", props));
}

const github = (location: unknown) => ({ type: "GITHUB", location });

describe(POLICY, () => {
  it("reports user:password, token users and token query parameters, also in secrets", async () => {
    const leaks = [
      "https://builder:hunter2@github.com/org/app.git",
      "https://ghp_0123456789abcdefghijABCDEFGHIJ012345@github.com/org/app.git",
      "https://x-access-token:abc@github.com/org/app.git",
      "https://0123456789abcdef0123456789abcdef01234567@github.com/org/app.git",
      "https://gitlab.com/org/app.git?private_token=glpat-123",
      secret("https://builder:hunter2@github.com/org/app.git"),
    ];
    for (const location of leaks) {
      const result = await findings(project({ source: github(location) }));
      expect(result).toEqual([
        expect.objectContaining({ level: "mandatory", message: expect.stringMatching(/^source\.location carries /) }),
      ]);
    }
  });

  it("checks every secondary source", async () => {
    const props = project({
      secondarySources: [
        { type: "S3", location: "bucket/key.zip", sourceIdentifier: "assets" },
        { type: "GITHUB", location: "https://me:pw@github.com/org/lib.git", sourceIdentifier: "lib" },
      ],
    });
    expect((await findings(props)).map((d) => d.message)).toEqual([
      expect.stringMatching(/^secondarySources\[1\]\.location carries credentials before the host/),
    ]);
  });

  it("passes plain URLs, SSH user names, S3 locations and CodePipeline sources", async () => {
    const clean = [
      "https://github.com/org/app.git",
      "git@github.com:org/app.git",
      "ssh://git@github.com/org/app.git",
      "https://git-codecommit.us-east-1.amazonaws.com/v1/repos/app",
      "bucket/source.zip",
    ];
    for (const location of clean) {
      expect(await findings(project({ source: github(location) }))).toEqual([]);
    }
    expect(await findings(project())).toEqual([]);
    expect(await findings(project({ source: undefined, secondarySources: [null, { location: 42 }] }))).toEqual([]);
  });

  it("reports undecided when a location or the secondary sources are unknown", async () => {
    const first = await findings(project({ source: github(unknown) }));
    expect(first.map((d) => d.message)).toEqual([expect.stringMatching(/^\[undecided\] source\.location/)]);
    const second = await findings(project({ secondarySources: unknown }));
    expect(second.map((d) => d.message)).toEqual([expect.stringMatching(/^\[undecided\] secondarySources/)]);
  });
});
