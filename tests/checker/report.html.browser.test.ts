// The HTML reports in headless Chromium: the reference stack, a failing fixture and an audit of several
// fixtures' exports, checked on what a reader sees (counts, a finding, a heat map cell), with scripts off
// (the pages must read without them), at 1280 px and at a phone's width; screenshots go to
// reports/html-screenshots/. Skipped only where no `chromium` is installed (CI installs it).
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { toStackExport } from "../../bench/stacks";
import { auditHtml } from "../../checker/audit/html";
import { auditReport } from "../../checker/audit/report";
import { parseArgs } from "../../checker/args";
import { main, render } from "../../checker/cli";
import { runCheck } from "../../checker/index";
import { DEFAULT_ORGANIZATION } from "../../checker/pack";
import { FORMATS } from "../../checker/report/formats";
import { jsonReport } from "../../checker/report/json";
import { KIT_ROOT } from "../../checker/record/run";
import { target } from "../../checker/target";
import { findChromium, launch, openFile, SCREENSHOTS } from "./browser";
import { captureOutput } from "./capturedOutput";
import { scratch } from "./cliProcess";
import { finding } from "./sampleReport";

// Programs recorded, a pack started per check and a browser, on a shared two-core machine.
jest.setTimeout(900_000);

const CHROMIUM = findChromium();
if (!CHROMIUM) {
  process.stderr.write("report.html.browser.test.ts: skipped, no `chromium` on PATH (apt-get install chromium; CI installs it)\n");
}
const describeInChromium = CHROMIUM ? describe : describe.skip;
const { dir, write } = scratch("pc-html-");
const PHONE = 390;

describeInChromium("HTML reports in Chromium", () => {
  captureOutput();
  let browser: Browser;

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launch(CHROMIUM as string);
  });
  afterAll(() => browser?.close());

  /** Opens the file with scripts off at 1280 px, saves its screenshot, and checks it fits a phone's width. */
  async function show(file: string, name: string): Promise<Page> {
    const phone = await openFile(browser, file, PHONE, false);
    expect(await phone.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(PHONE);
    await phone.screenshot({ path: path.join(SCREENSHOTS, `${name}-phone.png`), fullPage: true });
    await phone.context().close();
    const page = await openFile(browser, file, 1280, false);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
    return page;
  }

  const count = (page: Page, name: string): Promise<string> => page.locator(`#count-${name} dd`).innerText();

  it("the reference stack: passes, with the counts of its report", async () => {
    const result = await runCheck({});
    const file = write("reference.html", render(result, parseArgs(["--format", "html"]), false));
    const page = await show(file, "reference");
    expect(await page.locator("#verdict").innerText()).toBe("Passes: no mandatory violation (exit 0)");
    expect(await count(page, "resources")).toBe(String(result.resources));
    expect(await count(page, "mandatory")).toBe("0");
    expect(await count(page, "undecided")).toBe(String(result.undecided.length));
    expect(await page.locator("h2", { hasText: "Summary" }).isVisible()).toBe(true);
  });

  it("a failing fixture: the finding with file:line, remediation steps and help, grouped by resource or by policy", async () => {
    const file = path.join(dir, "github-v1-oauth.html");
    expect(await main([path.join(KIT_ROOT, "fixtures", "github-v1-oauth"), "--format", "html", "--output", file])).toBe(1);
    const page = await show(file, "github-v1-oauth");
    expect(await page.locator("#verdict").innerText()).toBe("Fails: 1 mandatory violation(s) (exit 1)");
    expect(await count(page, "mandatory")).toBe("1");
    const item = page.locator(".by-resource li.finding", { hasText: "codepipeline-no-github-v1-source" });
    await expect(item.locator(".badge").innerText()).resolves.toBe("mandatory");
    expect(await item.innerText()).toMatch(/fixtures\/github-v1-oauth\/index\.ts:\d+/);
    expect(await page.locator(".by-policy").isVisible()).toBe(false);
    // The switch is CSS alone: it works with scripts off.
    await page.locator("label[for=group-policy]").click();
    expect(await page.locator(".by-resource").isVisible()).toBe(false);
    const byPolicy = page.locator(".by-policy section", { hasText: "codepipeline-no-github-v1-source" });
    expect(await byPolicy.locator("h3").innerText()).toBe("codepipeline-no-github-v1-source");
    await byPolicy.locator("summary").first().click();
    expect(await byPolicy.locator(".steps").first().isVisible()).toBe(true);
    expect(await byPolicy.locator("a[href^='https://']").count()).toBeGreaterThan(0);
  });

  it("an audit of fixture exports: the per-stack table, the heat map cell of a known stack and policy, sorting", async () => {
    const exportsDir = path.join(dir, "exports");
    fs.mkdirSync(exportsDir);
    const projects: Record<string, string> = {};
    for (const fixture of ["good-pipeline", "github-v1-oauth", "artifact-store-region"]) {
      const recording = await target(
        { program: path.join(KIT_ROOT, "fixtures", fixture) },
        "dev",
        DEFAULT_ORGANIZATION,
        () => undefined,
      ).recording(new AbortController().signal);
      projects[fixture] = `${recording.project}/dev`;
      fs.writeFileSync(path.join(exportsDir, `${fixture}.json`), JSON.stringify(toStackExport(recording)));
    }
    fs.writeFileSync(path.join(exportsDir, "truncated.json"), "{");
    const file = path.join(dir, "audit.html");
    expect(await main(["--state", exportsDir, "--source-root", dir, "--format", "html", "--output", file])).toBe(1);
    const page = await show(file, "audit");
    expect(await page.locator("#verdict").innerText()).toBe("Fails: 2 of 3 stack(s) with a mandatory violation (exit 1)");
    expect(await count(page, "stacks")).toBe("3");
    expect(await count(page, "unreadable")).toBe("1");
    expect(await page.locator("#unreadable + ul").innerText()).toMatch(/^exports\/truncated\.json: not valid JSON/);
    const row = (fixture: string) => page.locator("table.heat tbody tr", { has: page.locator(`th:text-is("${projects[fixture]}")`) });
    const column = await page.locator("table.heat thead th").allInnerTexts();
    const cell = (fixture: string, policy: string) =>
      row(fixture)
        .locator("td")
        .nth(column.indexOf(policy) - 1)
        .innerText();
    expect(column).toContain("codepipeline-no-github-v1-source");
    expect(await cell("github-v1-oauth", "codepipeline-no-github-v1-source")).toBe("1 M");
    expect(await cell("artifact-store-region", "codepipeline-no-github-v1-source")).toBe("");
    expect(await cell("artifact-store-region", "codepipeline-artifact-store-region")).toBe("1 M");
    expect(await cell("good-pipeline", "codepipeline-no-github-v1-source")).toBe("");
    expect(await page.locator("#impact + p + div").innerText()).toContain(projects["github-v1-oauth"]);
    expect(await page.locator("#impact + p + div thead").innerText()).toMatch(/pack level\s+audited level/);
    expect(await page.locator("#impact + p + div + p").innerText()).toMatch(/^The policy config changed no level/);
    await page.context().close();

    // With scripts on, a policy's header sorts the stacks by its count, most first.
    const sorting = await openFile(browser, file, 1280, true);
    await sorting.locator("table.heat thead th button", { hasText: "codepipeline-no-github-v1-source" }).click();
    const first = await sorting.locator("table.heat tbody tr th").first().innerText();
    expect(first).toBe(projects["github-v1-oauth"]);
    await sorting.locator("table.heat thead th button", { hasText: "stack" }).click();
    const names = await sorting.locator("table.heat tbody tr th").allInnerTexts();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    await sorting.context().close();
  });

  it("shows a hostile resource name, message and stack name as text, and runs no script from data", async () => {
    const hostile = "<script>window.pwned=1</script><img src=x onerror=window.pwned=2>";
    const f = finding({ resourceName: hostile, message: hostile, urn: `urn:${hostile}` });
    const report = { resources: 1, violations: [f], waived: [], undecided: [], remediated: [], unansweredFunctions: [] };
    const pack = { name: "p", version: "1", policies: [] };
    const single = write(
      "hostile.html",
      FORMATS.html.render(report, {
        pack,
        locations: new Map(),
        entry: `/${hostile}.ts`,
        state: false,
        root: "/",
        colour: false,
        toolVersion: "1",
      }),
    );
    const tool = { name: "pipeline-check", version: "1" };
    const stack = { source: `${hostile}.json`, project: hostile, stack: hostile, report: jsonReport(report, { tool, pack: tool }) };
    const audit = write("hostile-audit.html", auditHtml(auditReport({ tool, pack: tool, policyConfig: {}, policies: [] }, [stack], [])));
    for (const [file, scripts] of [
      [single, 0],
      [audit, 1],
    ] as const) {
      const page = await openFile(browser, file, 1280, true);
      expect(await page.evaluate("window.pwned")).toBeUndefined();
      expect(await page.locator("script").count()).toBe(scripts);
      expect(await page.locator("img").count()).toBe(0);
      expect(await page.locator("body").innerText()).toContain(hostile);
      await page.context().close();
    }
  });
});
