import { analyzeResource, of, secret, unknown } from "../harness";
import { project, PROJECT } from "./project";

const POLICY = "codebuild-privileged-mode";
const REASON = "compliance:privileged-reason";

async function findings(props: Record<string, unknown>, config?: Record<string, unknown>) {
  return of(POLICY, await analyzeResource(PROJECT, "image-build", props, { config: config && { [POLICY]: config } }));
}

const privileged = (overrides: Record<string, unknown> = {}) => project(overrides, { privilegedMode: true });

describe(POLICY, () => {
  it("reports privileged mode without a stated reason, at mandatory", async () => {
    const result = await findings(privileged());
    expect(result).toEqual([expect.objectContaining({ level: "mandatory", message: expect.stringContaining("runs in privileged mode") })]);
    expect(result[0].message).toContain(`state why with a tag ${REASON} or list the project in the policy config allowedProjects`);
    expect(await findings(privileged({ tags: { [REASON]: "  " } }))).toHaveLength(1);
    expect(await findings(privileged({ tags: undefined }))).toHaveLength(1);
  });

  it("passes an image build that states its reason in a tag, plain or secret", async () => {
    expect(await findings(privileged({ tags: { [REASON]: "builds the application image with docker" } }))).toEqual([]);
    expect(await findings(privileged({ tags: { [REASON]: secret("docker build") } }))).toEqual([]);
  });

  it("passes projects that are not privileged: privilegedMode false, or absent as the provider default false", async () => {
    expect(await findings(project())).toEqual([]);
    expect(await findings(project({}, { privilegedMode: undefined }))).toEqual([]);
  });

  it("passes projects allowed in config by logical name or name input, with wildcards", async () => {
    expect(await findings(privileged(), { allowedProjects: ["image-*"] })).toEqual([]);
    expect(await findings(privileged({ name: "app-images" }), { allowedProjects: ["app-images"] })).toEqual([]);
    expect(await findings(privileged({ name: "app-images" }), { allowedProjects: ["app-image", "image.build"] })).toHaveLength(1);
  });

  it("reports undecided when privileged mode or the reason tag is unknown", async () => {
    const mode = await findings(project({}, { privilegedMode: unknown }));
    expect(mode.map((d) => d.message)).toEqual([
      expect.stringMatching(/^\[undecided\] environment\.privilegedMode is unknown during preview/),
    ]);
    for (const props of [privileged({ tags: unknown }), privileged({ tags: { [REASON]: unknown } })]) {
      expect((await findings(props)).map((d) => d.message)).toEqual([
        expect.stringMatching(
          new RegExp(`^\\[undecided\\] the project runs in privileged mode and its ${REASON} tag is unknown during preview`),
        ),
      ]);
    }
  });
});
