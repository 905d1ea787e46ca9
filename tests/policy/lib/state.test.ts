import { UNKNOWN } from "../../../policies/lib/props";
import { allPass, anyPasses, reportVerdict, undecidedWhenUnknown, Verdict, verdictOn } from "../../../policies/lib/state";

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

/** A check that records what it is told, as `violation: ...` or `undecided: ...`. */
function recorder() {
  const said: string[] = [];
  return {
    said,
    violation: (message: string) => void said.push(`violation: ${message}`),
    undecided: (message: string) => void said.push(`undecided: ${message}`),
  };
}

describe("verdictOn", () => {
  it("keeps an unknown value unknown without testing it, and tests known and absent values", () => {
    const tested: unknown[] = [];
    const isOn = (value: string | undefined) => {
      tested.push(value);
      return value === "on";
    };
    expect(verdictOn<string>(UNKNOWN, isOn)).toBe("unknown");
    expect(verdictOn<string>("on", isOn)).toBe("pass");
    expect(verdictOn<string>("off", isOn)).toBe("fail");
    expect(verdictOn<string>(undefined, isOn)).toBe("fail");
    expect(tested).toEqual(["on", "off", undefined]);
  });
});

describe("reportVerdict", () => {
  it.each([
    ["pass", []],
    ["fail", ["violation: broken"]],
    ["unknown", ["undecided: cannot tell"]],
  ] as const)("%s reports %j", (verdict, expected) => {
    const check = recorder();
    reportVerdict(check, verdict, { fail: "broken", unknown: "cannot tell" });
    expect(check.said).toEqual(expected);
  });
});

describe("undecidedWhenUnknown", () => {
  it("reports an unknown value as undecided, naming its path, and says nothing of a known or absent one", () => {
    const check = recorder();
    expect(undecidedWhenUnknown(check, UNKNOWN, "a.b")).toBe(true);
    expect(undecidedWhenUnknown(check, "x", "c")).toBe(false);
    expect(undecidedWhenUnknown(check, undefined, "d")).toBe(false);
    expect(check.said).toEqual(["undecided: a.b is unknown during preview"]);
  });
});
