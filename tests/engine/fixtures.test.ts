// Every fixture through the real engine and the checker: same verdicts, exactly, both ways.
import * as fs from "fs";
import * as path from "path";
import { resolveProgram } from "../../checker/record/program";
import { expectedDisagreements } from "./expected-differences";
import { compareTarget, describeEngine, ENGINE_TIMEOUT_MS, KIT_ROOT } from "./harness";

const fixturesDir = path.join(KIT_ROOT, "fixtures");
const names = fs
  .readdirSync(fixturesDir)
  .filter((n) => fs.existsSync(path.join(fixturesDir, n, "expected.json")))
  .sort();

describeEngine("fixtures: real engine and checker agree", () => {
  it.each(names)(
    "%s",
    async (name) => {
      const dir = path.join(fixturesDir, name);
      const program = resolveProgram(dir, dir);
      const projectFile = path.join(dir, "Pulumi.yaml");
      const result = await compareTarget(
        {
          label: `fixture-${name}`,
          project: program.project,
          entry: program.entry,
          stack: "dev",
          projectFile: fs.existsSync(projectFile) ? projectFile : undefined,
          stackConfigFile: fs.existsSync(path.join(dir, "Pulumi.dev.yaml")) ? path.join(dir, "Pulumi.dev.yaml") : undefined,
        },
        dir,
      );
      expect(result.disagreements).toEqual(expectedDisagreements(`fixture-${name}`));
    },
    ENGINE_TIMEOUT_MS,
  );
});
