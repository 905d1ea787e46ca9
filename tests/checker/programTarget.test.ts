import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { resolveProgram } from "../../checker/record/program";
import { parseConfigFlag, SECRET_PLACEHOLDER, stackConfig } from "../../checker/record/stackConfig";

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pc-target-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe("program resolution", () => {
  it("follows Pulumi.yaml main to a folder's index.ts", () => {
    const dir = tree({ "Pulumi.yaml": "name: shop\nruntime: nodejs\nmain: app/\n", "app/index.ts": "" });
    expect(resolveProgram(dir, "/unused")).toEqual({
      projectDir: dir,
      project: "shop",
      entry: path.join(dir, "app", "index.ts"),
      programDir: path.join(dir, "app"),
    });
  });

  it("follows Pulumi.yaml main to a file, and without main uses index.ts", () => {
    const withFile = tree({ "Pulumi.yaml": "name: a\nmain: src/main.ts\n", "src/main.ts": "" });
    expect(resolveProgram(withFile, "/unused").entry).toBe(path.join(withFile, "src", "main.ts"));
    const plain = tree({ "Pulumi.yaml": "name: b\n", "index.ts": "" });
    expect(resolveProgram(plain, "/unused")).toMatchObject({ project: "b", entry: path.join(plain, "index.ts") });
  });

  it("accepts a folder without Pulumi.yaml (named after the folder) and a single .ts or .js file", () => {
    const dir = tree({ "index.js": "", "other.ts": "" });
    expect(resolveProgram(dir, "/unused")).toMatchObject({ project: path.basename(dir), entry: path.join(dir, "index.js") });
    expect(resolveProgram(path.join(dir, "other.ts"), "/unused")).toMatchObject({
      project: path.basename(dir),
      entry: path.join(dir, "other.ts"),
    });
  });

  it("uses the default directory when no PROGRAM is given", () => {
    const dir = tree({ "index.ts": "" });
    expect(resolveProgram(undefined, dir).entry).toBe(path.join(dir, "index.ts"));
  });

  it("accepts runtime nodejs in either form", () => {
    expect(
      resolveProgram(
        tree({ "Pulumi.yaml": "name: x\nruntime:\n  name: nodejs\n  options: { typescript: true }\n", "index.ts": "" }),
        "/unused",
      ).project,
    ).toBe("x");
  });

  it.each([
    [{}, "nothing", "program not found: "],
    [{ "Pulumi.yaml": "name: [", "index.ts": "" }, "", "Pulumi.yaml: not valid YAML"],
    [{ "Pulumi.yaml": "- a\n" }, "", "Pulumi.yaml: expected a mapping with 'name' and 'runtime'"],
    [{ "Pulumi.yaml": "name: [1]\n" }, "", "Pulumi.yaml: field 'name' must be a string"],
    [{ "Pulumi.yaml": "name: x\nmain: gone.ts\n" }, "", "field 'main' points to gone.ts, which does not exist"],
    [{ "Pulumi.yaml": "name: x\nmain: 3\n" }, "", "field 'main' must be a string path"],
    [{ "readme.md": "" }, "", "no index.ts or index.js in"],
    [{ "notes.txt": "" }, "notes.txt", "expected a directory or a .ts/.js file"],
    [
      { "Pulumi.yaml": "name: x\nruntime: python\n", "__main__.py": "" },
      "",
      "Pulumi.yaml: field 'runtime' is \"python\"; the offline check runs only nodejs programs",
    ],
    [
      { "Pulumi.yaml": "name: x\nruntime: yaml\nresources: {}\n" },
      "",
      "field 'runtime' is \"yaml\"; the offline check runs only nodejs programs",
    ],
    [
      { "Pulumi.yaml": "name: x\nruntime:\n  name: go\n  options: {}\n", "index.ts": "" },
      "",
      "field 'runtime' is \"go\"; the offline check runs only nodejs programs",
    ],
  ])("explains a bad target (%j)", (files, sub, message) => {
    const dir = tree(files);
    expect(() => resolveProgram(path.join(dir, sub), "/unused")).toThrow(message);
  });
});

describe("stack configuration", () => {
  it("qualifies keys with the project, keeps namespaced ones, stands in for secure values, and lets --config win", () => {
    const dir = tree({
      "Pulumi.dev.yaml": "config:\n  aws:region: eu-west-1\n  replicas: 2\n  token:\n    secure: AAABBB\n  tags:\n    team: a\n",
    });
    expect(stackConfig(dir, "dev", "shop", ["token=plain", "aws:profile=ci"])).toEqual({
      values: { "aws:region": "eu-west-1", "shop:replicas": "2", "shop:token": "plain", "shop:tags": '{"team":"a"}', "aws:profile": "ci" },
      secretKeys: [],
    });
    expect(stackConfig(dir, "dev", "shop", [])).toMatchObject({ values: { "shop:token": SECRET_PLACEHOLDER }, secretKeys: ["shop:token"] });
  });

  it("starts from Pulumi.yaml values and defaults, which the stack file overrides", () => {
    const dir = tree({
      "Pulumi.yaml":
        "name: shop\nconfig:\n  aws:region:\n    value: us-east-1\n  size: small\n  retries:\n    type: integer\n    default: 3\n  env:\n    type: string\n    default: dev\n  label:\n    type: string\n",
      "Pulumi.prod.yaml": "config:\n  shop:env: prod\n  aws:region: eu-west-1\n",
    });
    expect(stackConfig(dir, "prod", "shop", []).values).toEqual({
      "aws:region": "eu-west-1",
      "shop:size": "small",
      "shop:retries": "3",
      "shop:env": "prod",
    });
  });

  it("is empty without a stack file or config block, and rejects a malformed one naming the file", () => {
    const dir = tree({ "Pulumi.empty.yaml": "encryptionsalt: x\n", "Pulumi.bad.yaml": "config: [1]\n", "Pulumi.broken.yaml": "config: {" });
    expect(stackConfig(dir, "none", "p", [])).toEqual({ values: {}, secretKeys: [] });
    expect(stackConfig(dir, "empty", "p", [])).toEqual({ values: {}, secretKeys: [] });
    expect(() => stackConfig(dir, "bad", "p", [])).toThrow(`${path.join(dir, "Pulumi.bad.yaml")}: field 'config' must be a mapping`);
    expect(() => stackConfig(dir, "broken", "p", [])).toThrow("Pulumi.broken.yaml: not valid YAML");
  });

  it("rejects a --config without a key", () => {
    expect(() => parseConfigFlag("=v", "p")).toThrow("--config =v: expected key=value");
  });
});
