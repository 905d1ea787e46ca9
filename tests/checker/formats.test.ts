import { FORMAT_NAMES, FORMATS, formatList, isFormatName } from "../../checker/report/formats";
import { sampleContext, sampleReport } from "./sampleReport";

const ctx = sampleContext;

describe("report format registry", () => {
  it("names every format once, as --format takes it", () => {
    expect(FORMAT_NAMES).toEqual(["text", "json", "sarif", "html"]);
    expect(formatList()).toBe("text, json, sarif or html");
    expect(isFormatName("sarif")).toBe(true);
    expect(isFormatName("xml")).toBe(false);
    // A name inherited by every object is not a format.
    expect(isFormatName("toString")).toBe(false);
  });

  it("gives every format a description", () => {
    for (const name of FORMAT_NAMES) {
      expect(FORMATS[name].description).not.toBe("");
    }
  });

  it("text: colour, declarations relative to the root, and the pack's help URLs from the context", () => {
    const plain = FORMATS.text.render(sampleReport, ctx);
    expect(plain).toContain("no-inline-versioning (stack/bucket.ts:7)");
    expect(plain).toContain("no-inline-versioning: https://example.com/niv");
    expect(plain).not.toContain("\u001b[");
    expect(FORMATS.text.render(sampleReport, { ...ctx, colour: true })).toContain("\u001b[31mmandatory\u001b[0m");
  });

  it("json: the tool's version and the pack from the context", () => {
    const doc = JSON.parse(FORMATS.json.render(sampleReport, ctx)) as {
      tool: unknown;
      pack: unknown;
      violations: { location?: unknown }[];
    };
    expect(doc.tool).toEqual({ name: "pipeline-check", version: "9.9.9" });
    expect(doc.pack).toEqual({ name: "kit-pack", version: "2.0.0" });
    expect(doc.violations[0].location).toEqual({ file: "stack/bucket.ts", line: 7 });
  });

  it("sarif: the tool, its rules from the pack, and a stack export located without a region", () => {
    type Log = {
      runs: {
        tool: { driver: { name: string; version: string; rules: { id: string }[] } };
        results: { locations: { physicalLocation: Record<string, unknown> }[] }[];
      }[];
    };
    const log = JSON.parse(FORMATS.sarif.render(sampleReport, ctx)) as Log;
    expect(log.runs[0].tool.driver).toMatchObject({ name: "pipeline-check", version: "9.9.9", rules: [{ id: "no-inline-versioning" }] });
    expect(log.runs[0].results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "stack/bucket.ts", uriBaseId: "SRCROOT" },
      region: { startLine: 7 },
    });
    const state = JSON.parse(
      FORMATS.sarif.render(sampleReport, { ...ctx, entry: "/repo/exported.json", state: true, locations: new Map() }),
    ) as Log;
    expect(state.runs[0].results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "exported.json", uriBaseId: "SRCROOT" },
    });
  });
});
