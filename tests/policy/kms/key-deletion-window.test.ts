import { analyzeResource, of, unknown, urnOf, verdicts } from "../harness";

const POLICY = "kms-key-deletion-window";
const KEY = "aws:kms/key:Key";

async function findings(props: Record<string, unknown>, minimumDays?: number) {
  const config = minimumDays === undefined ? undefined : { [POLICY]: { minimumDays } };
  return of(POLICY, await analyzeResource(KEY, "key", props, { config }));
}

describe("kms-key-deletion-window", () => {
  it("reports a window below the configured minimum, as advisory", async () => {
    expect(await findings({ deletionWindowInDays: 7 }, 14)).toEqual([
      {
        policyName: POLICY,
        level: "advisory",
        urn: urnOf(KEY, "key"),
        message: "deletionWindowInDays is 7, below the minimum of 14 days: a mistaken deletion could not be noticed and cancelled in time",
      },
    ]);
  });

  it("passes the minimum, more, and the AWS default of 30 when absent", async () => {
    expect(await findings({ deletionWindowInDays: 14 }, 14)).toEqual([]);
    expect(await findings({}, 14)).toEqual([]);
  });

  it("accepts AWS's own minimum of 7 days by default, as a dev stack uses", async () => {
    expect(await findings({ deletionWindowInDays: 7 })).toEqual([]);
    expect((await findings({ deletionWindowInDays: 5 })).map((d) => d.message)).toEqual([
      expect.stringContaining("below the minimum of 7 days"),
    ]);
  });

  it("judges an absent window like AWS's default of 30 days", async () => {
    expect(verdicts(await findings({}, 30))).toEqual([]);
    expect(verdicts(await findings({ deletionWindowInDays: 30 }, 30))).toEqual([]);
  });

  it("follows the configured minimum", async () => {
    expect(await findings({ deletionWindowInDays: 14 }, 30)).toHaveLength(1);
    expect(await findings({}, 30)).toEqual([]);
  });

  it("is undecided when the window is unknown", async () => {
    expect(await findings({ deletionWindowInDays: unknown })).toEqual([
      expect.objectContaining({ message: "[undecided] deletionWindowInDays is unknown during preview" }),
    ]);
  });
});
