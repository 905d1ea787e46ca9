// The corpus: programs that exercise what the checker emulates (transforms, functions, components,
// providers, secrets, unknowns, options), with policy-pack configs that change levels, through the real
// engine and the checker.
import * as fs from "fs";
import * as path from "path";
import { expectedDisagreements } from "./expected-differences";
import { compareTarget, describeEngine, ENGINE_TIMEOUT_MS, KIT_ROOT } from "./harness";

const corpusDir = path.join(__dirname, "corpus");
const programs = fs
  .readdirSync(corpusDir)
  .filter((n) => fs.existsSync(path.join(corpusDir, n, "index.ts")))
  .sort();

/** Policy-pack configs as `--policy-pack-config` files: `all`, per-policy levels, the remediate level. */
const configs: Record<string, unknown> = {
  "all-mandatory": { all: "mandatory" },
  "per-policy": {
    all: "advisory",
    "kms-key-rotation": "mandatory",
    "ecr-repository-immutable-tags": "disabled",
    "iam-no-admin-access": { enforcementLevel: "advisory" },
  },
  remediate: { "logs-log-group-retention": "remediate", "codepipeline-artifact-store-region": "remediate" },
};

/** Corpus programs that fail on purpose, with what the thrown error says: both sides must fail with it. */
const failing: Readonly<Record<string, string>> = {
  "apply-throws": 'error serializing property "bucket": boom inside apply',
};

function configFile(name: string): string {
  const dir = path.join(KIT_ROOT, ".engine-work", "configs");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(configs[name]));
  return file;
}

function target(name: string): { label: string; project: string; entry: string; stack: string } {
  return { label: `corpus-${name}`, project: name, entry: path.join(corpusDir, name, "index.ts"), stack: "dev" };
}

describeEngine("corpus: real engine and checker agree", () => {
  it.each(programs)(
    "%s",
    async (name) => {
      const result = await compareTarget(target(name), path.join(corpusDir, name));
      expect(result.disagreements).toEqual(expectedDisagreements(`corpus-${name}`));
      const thrown = failing[name];
      expect(result.failures).toEqual(
        thrown === undefined ? {} : { engine: expect.stringContaining(thrown), checker: expect.stringContaining(thrown) },
      );
    },
    ENGINE_TIMEOUT_MS,
  );

  it.each([
    ["components", "all-mandatory"],
    ["transforms", "per-policy"],
    ["components", "remediate"],
  ])(
    "%s with the %s policy config",
    async (name, config) => {
      const result = await compareTarget(target(name), path.join(corpusDir, name), { policyPackConfig: configFile(config) });
      expect(result.disagreements).toEqual([]);
    },
    ENGINE_TIMEOUT_MS,
  );

  it(
    "a remediated fixture: the artifact store's region is removed on both sides",
    async () => {
      const dir = path.join(KIT_ROOT, "fixtures", "artifact-store-region");
      const result = await compareTarget(
        { label: "remediate-fixture", project: "artifact-store-region", entry: path.join(dir, "index.ts"), stack: "dev" },
        dir,
        { policyPackConfig: configFile("remediate") },
      );
      expect(result.disagreements).toEqual([]);
    },
    ENGINE_TIMEOUT_MS,
  );
});
