// The reference stack, every environment, through the real engine and the checker: same verdicts.
import * as path from "path";
import { compareTarget, describeEngine, ENGINE_TIMEOUT_MS, KIT_ROOT } from "./harness";

describeEngine("reference stack: real engine and checker agree", () => {
  it.each(["dev", "staging", "prod"])(
    "stack %s",
    async (stack) => {
      const result = await compareTarget(
        {
          label: `reference-${stack}`,
          project: "pipeline-compliance-kit",
          entry: path.join(KIT_ROOT, "stack", "index.ts"),
          stack,
          projectFile: path.join(KIT_ROOT, "Pulumi.yaml"),
          stackConfigFile: path.join(KIT_ROOT, `Pulumi.${stack}.yaml`),
        },
        KIT_ROOT,
      );
      expect(result.disagreements).toEqual([]);
      // Zero findings on both sides: a preview that fails for another reason must not pass as agreement.
      expect(result.engineExit).toBe(0);
    },
    ENGINE_TIMEOUT_MS,
  );
});
