import { allPass, anyPasses, Verdict } from "../../../policies/lib/state";

// Each row: the verdicts combined, what "one of them is enough" gives, what "all of them are needed" gives.
const CASES: readonly [readonly Verdict[], Verdict, Verdict][] = [
  [[], "fail", "pass"],
  [["pass"], "pass", "pass"],
  [["fail"], "fail", "fail"],
  [["unknown"], "unknown", "unknown"],
  [["fail", "unknown"], "unknown", "fail"],
  [["unknown", "pass"], "pass", "unknown"],
  [["pass", "fail"], "pass", "fail"],
  [["fail", "unknown", "pass"], "pass", "fail"],
  [["pass", "pass"], "pass", "pass"],
];

describe("verdicts", () => {
  it.each(CASES)("%j: any passes %s, all pass %s", (verdicts, any, all) => {
    expect(anyPasses(verdicts)).toBe(any);
    expect(allPass(verdicts)).toBe(all);
  });
});
