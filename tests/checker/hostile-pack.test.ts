// A TypeScript pack started the kit's way (type-checked once, then loaded from a cache keyed by its
// sources): a type error is refused as the engine's ts-node would refuse it, and an edited pack is
// never served from a stale cache.
import * as fs from "fs";
import * as path from "path";
import { PROGRAM, ROOT, runCli, scratch } from "./cliProcess";
import { parseReport } from "./reportSchema";

const { dir } = scratch("pc-tspack-");

jest.setTimeout(120_000);

fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "name: ts-pack\nruntime: nodejs\n");
fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "ts-pack", version: "0.0.1", main: "index.ts" }));
fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));

function packSource(message: string, extra = ""): string {
  return (
    [
      'import { PolicyPack } from "@pulumi/policy";',
      `import { message } from "./message";${extra}`,
      'new PolicyPack("ts-pack", { policies: [{ name: "every-bucket", description: "Reports every bucket.", enforcementLevel: "mandatory",',
      '  validateResource: (args, report) => { if (args.type === "aws:s3/bucket:Bucket") report(message); } }] });',
      "",
    ].join("\n") + `// ${message}\n`
  );
}

const check = () => runCli([PROGRAM, "--policy-pack", dir, "--format", "json"]);

function messages(stdout: string): string[] {
  return [...new Set(parseReport<{ violations: { message: string }[] }>(stdout).violations.map((v) => v.message))];
}

describe("a TypeScript pack started the kit's way", () => {
  it("serves the current sources after every edit, including edits to imported files", () => {
    fs.writeFileSync(path.join(dir, "message.ts"), 'export const message: string = "first";\n');
    fs.writeFileSync(path.join(dir, "index.ts"), packSource("first"));
    const first = check();
    expect(first.stderr).toBe("");
    expect(messages(first.stdout)).toEqual(["first"]);

    fs.writeFileSync(path.join(dir, "message.ts"), 'export const message: string = "second";\n');
    const second = check();
    expect(messages(second.stdout)).toEqual(["second"]);
  });

  it("is refused with the first type error, naming file, line and column", () => {
    fs.writeFileSync(path.join(dir, "message.ts"), 'export const message: string = "third";\n');
    fs.writeFileSync(path.join(dir, "index.ts"), packSource("third", "\nconst limit: number = message;"));
    const run = check();
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      /^pipeline-check: policy pack .* failed to load \(exit 1\): TypeScript error: index\.ts\(3,7\): error TS2322: Type 'string' is not assignable to type 'number'\.\n$/,
    );
  });
});
