// Files the checker reads that the user cannot read: one line, `<path>: permission denied`, exit 2,
// whichever file it is (project, stack config, program, --state, --policy-pack-config, a module the
// program imports), and never "not valid YAML" or an errno code.
import * as fs from "fs";
import * as path from "path";
import { deny, runSubject } from "./denied";
import { BIN, PACK, ROOT, scratch } from "./cliProcess";

jest.setTimeout(120_000);

const { dir: tmp, write } = scratch("pc-unreadable-");
const PROGRAM = 'import * as aws from "@pulumi/aws";\nnew aws.s3.Bucket("b", { tags: { owner: "me" } });\n';

function project(name: string): string {
  write(`${name}/Pulumi.yaml`, "name: p\nruntime: nodejs\n");
  write(`${name}/Pulumi.dev.yaml`, "config:\n  aws:region: eu-west-1\n");
  write(`${name}/index.ts`, PROGRAM);
  return path.join(tmp, name);
}

function expectOneLine(args: string[], line: string): void {
  const run = runSubject([BIN, ...args, "--policy-pack", PACK], ROOT);
  expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: 2, stdout: "", stderr: `pipeline-check: ${line}\n` });
}

describe("a file the user cannot read", () => {
  it.each(["Pulumi.yaml", "Pulumi.dev.yaml", "index.ts"])("%s of the program", (name) => {
    const dir = project(`denied-${name}`);
    expectOneLine([dir], `${deny(path.join(dir, name), tmp)}: permission denied`);
  });

  it("the program file given on the command line", () => {
    const file = deny(write("single/main.ts", PROGRAM), tmp);
    expectOneLine([file], `${file}: permission denied`);
  });

  it("--state", () => {
    const file = deny(write("state.json", "{}"), tmp);
    expectOneLine(["--state", file], `--state ${file}: permission denied`);
  });

  it("--policy-pack-config, where waivers are configured", () => {
    const file = deny(write("policy-config.json", JSON.stringify({ "bucket-has-tags": { waivers: [] } })), tmp);
    expectOneLine(
      [path.join(__dirname, "programs", "basic.ts"), "--policy-pack-config", file],
      `--policy-pack-config ${file}: permission denied`,
    );
  });

  it("a module the program imports, named with the program and the line that imports it", () => {
    const dir = path.join(tmp, "imports");
    write("imports/index.ts", 'import { name } from "./lib";\nexport const out = name;\n');
    const lib = path.relative(ROOT, deny(write("imports/lib.ts", 'export const name = "x";\n'), tmp));
    const entry = path.relative(ROOT, path.join(dir, "index.ts"));
    expectOneLine([dir], `${lib}: permission denied, read by program ${entry} (${entry}:1)`);
  });
});

describe("a directory where the checker expects a file", () => {
  it("Pulumi.<stack>.yaml", () => {
    const dir = project("dir-stack");
    fs.rmSync(path.join(dir, "Pulumi.dev.yaml"));
    fs.mkdirSync(path.join(dir, "Pulumi.dev.yaml"));
    expectOneLine([dir], `${path.join(dir, "Pulumi.dev.yaml")}: a directory, not a file`);
  });

  it("the program's index.ts", () => {
    const dir = path.join(tmp, "dir-entry");
    fs.mkdirSync(path.join(dir, "index.ts"), { recursive: true });
    expectOneLine([dir], `${path.join(dir, "index.ts")}: a directory, not a file`);
  });
});
