// Runs once before the real-engine suite: without an engine, says why in one line (the tests skip).
import { locateEngine } from "../../engine/conformance/locate";

export default function globalSetup(): void {
  const located = locateEngine();
  if ("skip" in located) {
    process.stderr.write(`\n${located.skip}\n`);
  }
}
