// Shows how each fixture's actual findings differ from its expected.json; with --write, rewrites the
// expected.json files that differ (keeping their descriptions), so the change is reviewed in the diff.
// Usage: node -r ./bin/ts-hook.js scripts/update-fixtures.ts [--write] [--policy-pack DIR] [fixture-name...]
import * as fs from "fs";
import * as path from "path";
import { actualLists, compareFindings, formatDifferences, listFixtures, parseExpected, renderExpected } from "../checker/fixtures";
import { runCheck, startPack } from "../checker/index";
import { messageOf } from "../checker/errors";
import { formatted } from "./formatted";

async function main(argv: string[]): Promise<number> {
  const write = argv.includes("--write");
  const packIndex = argv.indexOf("--policy-pack");
  const packDir = packIndex >= 0 ? argv[packIndex + 1] : "policies";
  const names = argv.filter((a, i) => !a.startsWith("--") && (packIndex < 0 || i !== packIndex + 1));
  const root = path.resolve(__dirname, "..");
  const fixtures = listFixtures(path.join(root, "fixtures")).filter((f) => names.length === 0 || names.includes(f.name));
  const pack = await startPack({ policyPack: packDir, project: "fixtures", stack: "dev" });
  let differing = 0;
  try {
    for (const fixture of fixtures) {
      const text = fs.readFileSync(fixture.expectedFile, "utf8");
      const expected = parseExpected(text, fixture.expectedFile);
      const actual = actualLists(await runCheck({ program: fixture.dir, pack }));
      const differences = compareFindings(expected, actual);
      console.log(formatDifferences(fixture.name, differences));
      if (differences.length > 0) {
        differing++;
        if (write) {
          fs.writeFileSync(fixture.expectedFile, formatted(fixture.expectedFile, renderExpected(expected.description, actual)));
          console.log(`  rewrote ${path.relative(root, fixture.expectedFile)}`);
        }
      }
    }
  } finally {
    pack.stop();
  }
  return differing > 0 && !write ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`update-fixtures: ${messageOf(e)}`);
    process.exitCode = 2;
  },
);
