// The files the checker and the engine start as processes of their own refuse, with one line and exit
// 2, to run when a user starts them by hand; started the way they are meant to be, they run.
import { spawnSync } from "child_process";
import * as path from "path";
import { ROOT } from "./cliProcess";
import { firstLineServed } from "./pluginPort";

jest.setTimeout(60_000);

const HOOK = path.join(ROOT, "bin", "ts-hook.js");
const CHECK = "run npm run check";

function run(command: string, args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const child = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env } });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

const refused = (name: string, instead = CHECK): { code: number; stdout: string; stderr: string } => ({
  code: 2,
  stdout: "",
  stderr: `${name} is internal to pipeline-check and is not run on its own; ${instead}\n`,
});

describe("an internal entry point run by hand", () => {
  it.each(["record-child.js", "pack-runner.js", "parent-watch.js", "ts-hook.js", "internal.js", "command.js"])("bin/%s", (file) => {
    expect(run(process.execPath, [path.join("bin", file)])).toEqual(refused(`bin/${file}`));
  });

  it.each(["checker/record/child.ts", "checker/serve/packRunner.ts"])("%s, run as a TypeScript script", (file) => {
    expect(run(process.execPath, ["-r", HOOK, file])).toEqual(refused(file));
  });

  it("bin/record-child.js with the environment of a checker that is not its parent", () => {
    // As a program under check would pass it on to a process of its own: the mark names another pid
    // (this test process's parent, not the child's).
    expect(
      run(process.execPath, ["bin/record-child.js"], { PIPELINE_CHECK_PARENT: String(process.ppid), PIPELINE_CHECK_SPEC: "{}" }),
    ).toEqual(refused("bin/record-child.js"));
  });

  it.each([[["aws"]], [["awsx", "--logtostderr"]]])("the model provider plugin without the engine's address (%j)", ([pkg, ...flags]) => {
    expect(run(path.join(ROOT, "engine", "bin", `pulumi-resource-${pkg}`), flags)).toEqual(
      refused(`pulumi-resource-${pkg}`, "the Pulumi engine starts it in npm run test:engine"),
    );
  });
});

describe("an internal entry point started as intended", () => {
  it("the model provider plugin serves when given the engine's address", async () => {
    // Port 9 (discard): nothing answers there, and the plugin only calls the engine when it logs.
    const firstLine = await firstLineServed(path.join(ROOT, "engine", "bin", "pulumi-resource-aws"), ["127.0.0.1:9"], ROOT);
    expect(firstLine).toMatch(/^\d+$/);
  });
});
