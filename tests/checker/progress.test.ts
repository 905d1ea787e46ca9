// The progress line of each phase, as a CI log shows it.
import { phaseLine } from "../../checker/report/progress";
import { sampleReport } from "./sampleReport";

describe("progress lines", () => {
  it("says what each phase found and how long it took, in tenths of a second", () => {
    expect(phaseLine({ phase: "record", resources: 27, ms: 3149, state: false })).toBe("record: 27 resources (3.1 s)");
    expect(phaseLine({ phase: "record", resources: 2, ms: 12, state: true })).toBe(
      "record: 2 resources read from the stack export (0.0 s)",
    );
    expect(phaseLine({ phase: "pack", name: "pipeline-compliance", version: "0.1.0", policies: 56, ms: 7480 })).toBe(
      "pack: pipeline-compliance@0.1.0 ready, 56 policies (7.5 s)",
    );
    expect(phaseLine({ phase: "analyze", report: sampleReport, ms: 250 })).toBe(
      "analyze: 4 resources, 1 mandatory, 1 advisory, 1 waived, 1 undecided, 1 remediated (0.3 s)",
    );
  });

  it("says what the second look decided, or that it could not run", () => {
    expect(phaseLine({ phase: "second look", undecided: 2, decided: 1, ms: 2300 })).toBe(
      "second look: 2 undecided core finding(s) judged with a deployed stack's outputs, 1 violation(s) decided (2.3 s)",
    );
    expect(phaseLine({ phase: "second look", undecided: 2, ms: 900 })).toBe("second look: not done (0.9 s)");
  });
});
