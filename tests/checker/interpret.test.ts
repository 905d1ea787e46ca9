import { buildReport, kindOf, mandatoryCount, messageBody, type RawDiagnostic } from "../../checker/analyze/interpret";

const urn = "urn:pulumi:dev::p::aws:s3/bucket:Bucket::b";
const diag = (over: Partial<RawDiagnostic>): RawDiagnostic => ({
  policy: "p",
  description: "Desc.",
  message: "Desc.\nbody",
  enforcementLevel: "mandatory",
  severity: "high",
  urn,
  ...over,
});

describe("diagnostic interpretation", () => {
  it("strips the description the policy SDK prepends to string messages", () => {
    expect(messageBody(diag({}))).toBe("body");
    expect(messageBody(diag({ message: "other text" }))).toBe("other text");
  });

  it.each<[Partial<RawDiagnostic>, string]>([
    [{}, "violation"],
    [{ enforcementLevel: "advisory" }, "violation"],
    [{ enforcementLevel: "advisory", message: "Desc.\n[waived] accepted risk" }, "waived"],
    [{ enforcementLevel: "mandatory", message: "Desc.\n[waived] not allowed at mandatory" }, "violation"],
    [{ enforcementLevel: "advisory", message: "Desc.\n[undecided] arn unknown" }, "undecided"],
    [
      {
        enforcementLevel: "advisory",
        message: "can't run policy 'p' from policy pack 'k@v1' during preview: string value at .x can't be known during preview",
      },
      "undecided",
    ],
    [{ enforcementLevel: "advisory", message: "can't run remediation 'p' from policy pack 'k@v1' during preview: x" }, "undecided"],
    [{ enforcementLevel: "disabled" }, "ignored"],
  ])("%j is %s", (over, kind) => {
    expect(kindOf(diag(over))).toBe(kind);
  });

  it("decides by enforcement level before the marker: another pack's mandatory finding is never hidden as undecided", () => {
    const marked = ["Desc.\n[undecided] the other pack's own wording", "can't run policy 'p' from policy pack 'k@v1' during preview: x"];
    for (const message of marked) {
      expect(kindOf(diag({ enforcementLevel: "mandatory", message }))).toBe("violation");
      expect(kindOf(diag({ enforcementLevel: "remediate", message }))).toBe("violation");
      expect(kindOf(diag({ enforcementLevel: "advisory", message }))).toBe("undecided");
    }
    const report = buildReport(1, [diag({ policy: "other-pack-policy", message: "Desc.\n[undecided] blocks the deploy" })], []);
    expect(report.undecided).toEqual([]);
    expect(report.violations.map((v) => [v.policy, v.enforcementLevel, v.message])).toEqual([
      ["other-pack-policy", "mandatory", "[undecided] blocks the deploy"],
    ]);
    expect(mandatoryCount(report)).toBe(1);
  });

  it("builds a sorted report, names resources from URNs and reports remediate-level leftovers as mandatory", () => {
    const report = buildReport(
      3,
      [
        diag({ policy: "z", urn: "urn:pulumi:dev::p::aws:s3/bucket:Bucket::b" }),
        diag({ policy: "a", enforcementLevel: "remediate", urn: "urn:pulumi:dev::p::aws:s3/bucket:Bucket::a" }),
        diag({ policy: "w", enforcementLevel: "advisory", message: "Desc.\n[waived] ok" }),
        diag({ policy: "u", enforcementLevel: "advisory", message: "[undecided] later" }),
        diag({ policy: "off", enforcementLevel: "disabled" }),
      ],
      [],
    );
    expect(report.violations.map((v) => [v.policy, v.resourceName, v.enforcementLevel])).toEqual([
      ["a", "a", "mandatory"],
      ["z", "b", "mandatory"],
    ]);
    expect(report.violations[0]).toEqual({
      policy: "a",
      enforcementLevel: "mandatory",
      severity: "high",
      resourceType: "aws:s3/bucket:Bucket",
      resourceName: "a",
      urn: "urn:pulumi:dev::p::aws:s3/bucket:Bucket::a",
      message: "body",
    });
    expect(report.waived.map((w) => w.message)).toEqual(["[waived] ok"]);
    expect(report.undecided.map((u) => u.policy)).toEqual(["u"]);
    expect(mandatoryCount(report)).toBe(2);
  });
});
