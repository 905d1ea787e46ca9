// The reference stack, checked the way `npm run check` does by default, must come out clean.
import * as path from "path";
import { mandatoryCount } from "../../../checker/analyze/interpret";
import { runCheck } from "../../../checker/index";

const ROOT = path.resolve(__dirname, "..", "..", "..");

jest.setTimeout(180_000);

describe("reference stack under the real pack", () => {
  it("has no violation and nothing undecided", async () => {
    const result = await runCheck({ program: ROOT, policyPack: path.join(ROOT, "policies"), stack: "dev" });
    expect(result.resources).toBeGreaterThan(20);
    expect(mandatoryCount(result)).toBe(0);
    expect(result.violations.map((v) => `${v.policy} on ${v.resourceName}: ${v.message}`)).toEqual([]);
    expect(result.undecided.map((v) => `${v.policy} on ${v.resourceName}: ${v.message}`)).toEqual([]);
    // A clean first look: no second look, so no second-look finding and no second run.
    expect(result.secondLook).toBe("not needed");
    expect(result.violations.filter((v) => v.secondLook === true)).toEqual([]);
  });
});
