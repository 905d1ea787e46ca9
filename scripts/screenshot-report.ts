// Writes docs/images/report.png, the README's picture of `--format html`: the reference stack's report
// in headless Chromium at 1280 px. Rerun it when the page's layout changes.
// Usage: npm run docs:screenshot (needs Debian's chromium: apt-get install chromium)
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "../checker/args";
import { render } from "../checker/cli";
import { runCheck } from "../checker/index";
import { findChromium, launch, openFile } from "../tests/checker/browser";

async function main(): Promise<number> {
  const chromium = findChromium();
  if (!chromium) {
    process.stderr.write("screenshot-report: no chromium on PATH (apt-get install chromium)\n");
    return 2;
  }
  const root = path.resolve(__dirname, "..");
  const html = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pc-screenshot-")), "report.html");
  fs.writeFileSync(html, render(await runCheck({ program: root }), parseArgs(["--format", "html"]), false));
  const browser = await launch(chromium);
  try {
    const page = await openFile(browser, html, 1280, false);
    const out = path.join(root, "docs", "images", "report.png");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await page.locator("main").screenshot({ path: out });
    process.stdout.write(`${path.relative(root, out)}: ${fs.statSync(out).size} bytes\n`);
  } finally {
    await browser.close();
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`screenshot-report: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  },
);
