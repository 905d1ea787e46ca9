import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Module from "module";
import { errorLocation, MESSAGE_CHARS, MESSAGE_LINES, programFrames, programMessage } from "../../checker/record/protocol";
import { describeChildError } from "../../checker/record/run";
import { installPulumiResolution, pulumiResolver } from "../../checker/record/resolve";

const ROOT = path.resolve(__dirname, "..", "..");

describe("program errors", () => {
  it("finds the innermost frame inside the program, skipping node_modules", () => {
    const stack = [
      "Error: boom",
      "    at f (/kit/node_modules/@pulumi/pulumi/x.js:1:2)",
      "    at Object.<anonymous> (/prog/node_modules/dep/index.js:3:4)",
      "    at Object.<anonymous> (/prog/lib/util.ts:12:5)",
      "    at Object.<anonymous> (/prog/index.ts:7:1)",
    ].join("\n");
    expect(errorLocation(stack, "/prog")).toEqual({ file: "/prog/lib/util.ts", line: 12 });
    expect(errorLocation("Error: boom\n    at file:///prog/index.ts:3:9", "/prog")).toEqual({ file: "/prog/index.ts", line: 3 });
    expect(errorLocation(stack, "/other")).toBeUndefined();
  });

  it("words compile errors and thrown errors differently", () => {
    const entry = path.join(process.cwd(), "prog", "index.ts");
    expect(describeChildError({ error: { message: "x.ts:1:2: bad", compile: true } }, entry)?.message).toBe(
      "program prog/index.ts failed to compile: x.ts:1:2: bad",
    );
    expect(describeChildError({ error: { message: "boom", compile: false, location: { file: entry, line: 3 } } }, entry)?.message).toBe(
      "program prog/index.ts threw: boom (prog/index.ts:3)",
    );
    expect(
      describeChildError(
        { error: { message: "Invalid configuration:\n  - a: bad\n  - b: worse", compile: false, location: { file: entry, line: 3 } } },
        entry,
      )?.message,
    ).toBe("program prog/index.ts threw: Invalid configuration: (prog/index.ts:3)\n  - a: bad\n  - b: worse");
    expect(describeChildError({ error: { message: "boom", compile: false } }, entry)?.message).toBe("program prog/index.ts threw: boom");
    expect(describeChildError({ recording: { project: "p", stack: "s", entry, resources: [], invokes: [] } }, entry)).toBeUndefined();
  });

  it("says which file a program could not read, and that it called process.exit", () => {
    const entry = path.join(process.cwd(), "prog", "index.ts");
    const location = { file: entry, line: 2 };
    expect(
      describeChildError(
        { error: { message: "permission denied", compile: false, file: path.join(process.cwd(), "prog", "data.json"), location } },
        entry,
      )?.message,
    ).toBe("prog/data.json: permission denied, read by program prog/index.ts (prog/index.ts:2)");
    expect(describeChildError({ error: { message: "", compile: false, exitCall: "process.exit(0)", location } }, entry)?.message).toBe(
      "program prog/index.ts called process.exit(0) before it finished (prog/index.ts:2)",
    );
  });

  it("keeps the program's frames for --verbose, indented as a stack", () => {
    const entry = path.join(process.cwd(), "prog", "index.ts");
    const frames = ["at f (/prog/lib.ts:1:2)", "at /prog/index.ts:3:4"];
    expect(describeChildError({ error: { message: "boom", compile: false, frames } }, entry)?.details).toBe(
      "    at f (/prog/lib.ts:1:2)\n    at /prog/index.ts:3:4",
    );
    expect(describeChildError({ error: { message: "bad", compile: true, frames: [] } }, entry)?.details).toBeUndefined();
  });
});

describe("a program's stack frames", () => {
  it("are the user's files: not node's, the Pulumi SDK's, or the checker's", () => {
    const stack = [
      "Error: boom",
      "    at check (/prog/node_modules/@pulumi/pulumi/resource.js:1:2)",
      "    at helper (/prog/node_modules/left-pad/index.js:5:6)",
      "    at fail (/prog/lib.ts:2:9)",
      "    at /prog/index.ts:7:1",
      "    at Module._compile (node:internal/modules/cjs/loader:1521:14)",
      "    at compile (/kit/bin/ts-hook.js:10:3)",
      "    at main (/kit/checker/record/child.ts:90:5)",
      "    at runInPulumiStack (/kit/node_modules/@pulumi/pulumi/runtime/stack.js:3:4)",
      "    at new Promise (<anonymous>)",
    ].join("\n");
    expect(programFrames(stack, "/kit")).toEqual([
      "at helper (/prog/node_modules/left-pad/index.js:5:6)",
      "at fail (/prog/lib.ts:2:9)",
      "at /prog/index.ts:7:1",
    ]);
  });

  it("keep the kit's own program folders when the program is the kit's reference stack", () => {
    expect(programFrames("Error: x\n    at /kit/stack/index.ts:1:1\n    at /kit/checker/load.ts:5:1", "/kit")).toEqual([
      "at /kit/stack/index.ts:1:1",
    ]);
  });
});

describe("@pulumi resolution", () => {
  const bare = fs.mkdtempSync(path.join(os.tmpdir(), "pc-bare-"));

  it("prefers the program's own copy and falls back to the kit's", () => {
    expect(pulumiResolver(ROOT, "/nowhere")("@pulumi/pulumi/package.json")).toBe(
      path.join(ROOT, "node_modules", "@pulumi", "pulumi", "package.json"),
    );
    expect(pulumiResolver(bare, ROOT)("@pulumi/pulumi/package.json")).toBe(
      path.join(ROOT, "node_modules", "@pulumi", "pulumi", "package.json"),
    );
  });

  it("lets a program without node_modules load @pulumi/* from the kit, and nothing else", () => {
    const mod = Module as unknown as { _resolveFilename: (request: string, parent: unknown) => string };
    const original = mod._resolveFilename;
    try {
      installPulumiResolution(bare, ROOT);
      const parent = { id: path.join(bare, "index.js"), filename: path.join(bare, "index.js"), paths: [path.join(bare, "node_modules")] };
      expect(mod._resolveFilename("@pulumi/aws", parent)).toBe(require.resolve("@pulumi/aws", { paths: [ROOT] }));
      expect(() => mod._resolveFilename("left-pad-not-installed", parent)).toThrow(/Cannot find module/);
    } finally {
      mod._resolveFilename = original;
    }
  });
});

describe("a program's error message", () => {
  it("keeps every line of a multi-line message, without stack frames or blank lines", () => {
    expect(
      programMessage(
        "Invalid configuration in Pulumi.prod.yaml:\n  - desiredCount: must be at least 1\n\n  - logRetentionDays: not allowed\n    at Object.<anonymous> (/kit/checker/x.ts:1:2)",
      ),
    ).toBe("Invalid configuration in Pulumi.prod.yaml:\n  - desiredCount: must be at least 1\n  - logRetentionDays: not allowed");
  });

  it("is bounded in lines and characters", () => {
    const many = Array.from({ length: MESSAGE_LINES + 5 }, (_, i) => `line ${i}`).join("\n");
    const lines = programMessage(many).split("\n");
    expect(lines).toHaveLength(MESSAGE_LINES + 1);
    expect(lines[MESSAGE_LINES]).toBe("... (5 more lines)");
    expect(
      programMessage(
        `${many
          .split("\n")
          .slice(0, MESSAGE_LINES + 1)
          .join("\n")}`,
      ).endsWith("... (1 more line)"),
    ).toBe(true);
    expect(programMessage("x".repeat(MESSAGE_CHARS + 10))).toBe(`${"x".repeat(MESSAGE_CHARS)} ...`);
  });
});
