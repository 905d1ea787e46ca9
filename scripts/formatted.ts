/**
 * Generated files are written the way `npm run format` would leave them, so regenerating one never
 * makes `npm run lint` fail and a reviewer sees only the change that matters. Prettier runs as its
 * own process: its library loads itself with a dynamic import, which jest's module system refuses.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..");

/**
 * `text` formatted as a file named like `file` is formatted in this repository. The config is the
 * repository's even for a file outside it (a test's temporary copy), so both come out the same.
 */
export function formatted(file: string, text: string): string {
  const prettier = require.resolve("prettier/bin/prettier.cjs");
  const as = path.join(ROOT, path.basename(file));
  return execFileSync(process.execPath, [prettier, "--stdin-filepath", as], { cwd: ROOT, input: text, encoding: "utf8" });
}
