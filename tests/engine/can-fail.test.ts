// The suite must be able to fail: the real engine's verdict on a failing fixture, compared with a
// deliberately altered checker result, is reported as disagreements naming policy and resource.
import * as path from "path";
import { runCheck } from "../../checker";
import { disagreements, verdictFromReport } from "../../engine/conformance/compare";
import { verdictFromEventLog } from "../../engine/conformance/events";
import { runThroughEngine } from "../../engine/conformance/preview";
import { rootStackUrn } from "../../checker/urn";
import { descriptions, describeEngine, ENGINE_TIMEOUT_MS, KIT_ROOT, requireEngine } from "./harness";

describeEngine("the comparison can fail", () => {
  it(
    "a dropped, a reworded and an invented checker finding are each reported",
    async () => {
      const dir = path.join(KIT_ROOT, "fixtures", "github-v1-oauth");
      const [run, report] = await Promise.all([
        runThroughEngine(requireEngine(), {
          label: "can-fail",
          project: "github-v1-oauth",
          entry: path.join(dir, "index.ts"),
          stack: "dev",
        }),
        runCheck({ program: dir }),
      ]);
      const engineVerdict = verdictFromEventLog(run.eventLog, descriptions, rootStackUrn("dev", "github-v1-oauth"));
      const urn = "urn:pulumi:dev::github-v1-oauth::aws:codepipeline/pipeline:Pipeline::pipeline";
      expect(disagreements(engineVerdict, verdictFromReport(report))).toEqual([]);

      const dropped = { ...report, violations: report.violations.filter((v) => v.policy !== "codepipeline-no-github-v1-source") };
      expect(disagreements(engineVerdict, verdictFromReport(dropped))).toEqual([
        expect.stringMatching(
          new RegExp(`^engine only: +violation mandatory codepipeline-no-github-v1-source on ${urn.replace(/[$]/g, "\\$")}: `),
        ),
      ]);

      const reworded = { ...report, violations: report.violations.map((v) => ({ ...v, message: `${v.message} (altered)` })) };
      const lines = disagreements(engineVerdict, verdictFromReport(reworded));
      expect(lines).toHaveLength(2);
      expect(lines.every((l) => l.includes("codepipeline-no-github-v1-source") && l.includes(urn))).toBe(true);

      const invented = {
        ...report,
        undecided: [
          { ...report.violations[0], policy: "kms-key-rotation", enforcementLevel: "advisory" as const, message: "[undecided] invented" },
        ],
      };
      expect(disagreements(engineVerdict, verdictFromReport(invented))).toEqual([
        `checker only: undecided advisory kms-key-rotation on ${urn}: [undecided] invented`,
      ]);
    },
    ENGINE_TIMEOUT_MS,
  );
});
