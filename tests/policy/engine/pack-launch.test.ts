// The pack is publishable from policies/ and from the repository root: the engine must see the same
// pack either way when the checker's launcher starts it.
import * as path from "path";
import { AnalyzerSession } from "../../../checker/analyze/session";
import { engineLauncher } from "../../../checker/serve/launcher";
import type { PackInfo } from "../../../checker/types";

const ROOT = path.resolve(__dirname, "..", "..", "..");

jest.setTimeout(180_000);

async function infoFrom(dir: string): Promise<PackInfo> {
  const running = await engineLauncher.start(dir, { project: "p", stack: "dev", organization: "organization", config: {} }, 170_000);
  try {
    const session = await AnalyzerSession.open(running.address, running.dir);
    session.close();
    return session.info;
  } finally {
    running.stop();
  }
}

describe("launching the pack", () => {
  it("serves the same pack from policies/ and from the repository root", async () => {
    const fromPolicies = await infoFrom(path.join(ROOT, "policies"));
    const fromRoot = await infoFrom(ROOT);
    expect(fromPolicies.name).toBe("pipeline-compliance");
    expect(fromPolicies.policies.length).toBeGreaterThan(0);
    expect(fromRoot).toEqual(fromPolicies);
  });
});
