// Fixture programs as stack exports, for the audit tests: each program recorded once and written the way
// `pulumi stack export --show-secrets` writes its stack.
import * as fs from "fs";
import * as path from "path";
import { toStackExport } from "../../bench/stacks";
import type { Fixture } from "../../checker/fixtures";
import { DEFAULT_ORGANIZATION } from "../../checker/pack";
import { SECRET_SIG, SIG_KEY } from "../../checker/record/properties";
import { target } from "../../checker/target";

/** A recorded value as `pulumi stack export --show-secrets` writes it: a secret's value as JSON in `plaintext`. */
function exported(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(exported);
  }
  if (value === null || typeof value !== "object") {
    return value;
  }
  const record = value as Record<string, unknown>;
  if (record[SIG_KEY] === SECRET_SIG) {
    return { [SIG_KEY]: SECRET_SIG, plaintext: JSON.stringify(record.value) };
  }
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, exported(v)]));
}

/** Records each fixture's program as stack `dev` and writes its export to `<dir>/<fixture name>.json`. */
export async function writeFixtureExports(fixtures: readonly Fixture[], dir: string): Promise<void> {
  for (const fixture of fixtures) {
    const program = target({ program: fixture.dir }, "dev", DEFAULT_ORGANIZATION, () => undefined);
    const recording = await program.recording(new AbortController().signal);
    fs.writeFileSync(path.join(dir, `${fixture.name}.json`), JSON.stringify(exported(toStackExport(recording))));
  }
}
