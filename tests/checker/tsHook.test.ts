import { spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const HOOK = path.join(ROOT, "bin", "ts-hook.js");
const CACHE = path.join(ROOT, ".check-cache", "ts");
const DAY_S = 24 * 60 * 60;

/** A cache entry whose file time is `days` ago. */
function entry(days: number): string {
  fs.mkdirSync(CACHE, { recursive: true });
  const file = path.join(CACHE, `${crypto.randomBytes(32).toString("hex")}.js`);
  fs.writeFileSync(file, "module.exports = 1;\n");
  const time = Date.now() / 1000 - days * DAY_S;
  fs.utimesSync(file, time, time);
  return file;
}

function node(args: string[]): void {
  const run = spawnSync(process.execPath, ["-r", HOOK, ...args], { cwd: ROOT, encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
}

describe("the transpile cache", () => {
  const made: string[] = [];
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ts-hook-"));
  });
  afterAll(() => {
    for (const file of made) {
      fs.rmSync(file, { force: true });
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("deletes entries older than 7 days when a process misses, and keeps newer ones", () => {
    const old = entry(8);
    const recent = entry(6);
    made.push(old, recent);
    // Content no earlier run has seen, so this process misses the cache.
    const program = path.join(dir, "fresh.ts");
    fs.writeFileSync(program, `const marker: string = "${crypto.randomUUID()}";\nvoid marker;\n`);
    node([program]);
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(recent)).toBe(true);
  });

  it("leaves the folder alone in a process that transpiles nothing", () => {
    const old = entry(8);
    made.push(old);
    node(["-e", "0"]);
    expect(fs.existsSync(old)).toBe(true);
  });
});
