// Headless Chromium for the HTML report's tests and its screenshot: Debian's `chromium`, driven by
// playwright-core (which brings no browser of its own). `.ci/run` installs it where it is missing.
import { execFileSync } from "child_process";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { KIT_ROOT } from "../../checker/record/run";

/** The chromium executable on PATH, or undefined when there is none. */
export function findChromium(): string | undefined {
  try {
    return execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Where the tests save their screenshots (ignored by git). */
export const SCREENSHOTS = path.join(KIT_ROOT, "reports", "html-screenshots");

export function launch(executablePath: string): Promise<Browser> {
  // A loaded CI machine can be slow to start a browser: generous, and never asserted on.
  return chromium.launch({ executablePath, timeout: 180_000 });
}

/** A page of `width` px showing the HTML file once its load event has fired; scripts on or off. */
export async function openFile(browser: Browser, file: string, width: number, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled });
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  await page.goto(`file://${file}`, { waitUntil: "load" });
  return page;
}
