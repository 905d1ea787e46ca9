// `npm run bench` leaves the tracked results alone unless told to record them.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeResults } from "../../bench/output";

describe("bench results", () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "bench-results-"));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("go to the untracked .bench/results.json by default, and the last line says so", () => {
    const line = writeResults({ check: 1 }, ["node", "bench/run.ts", "--runs", "3"], root);
    expect(JSON.parse(fs.readFileSync(path.join(root, ".bench", "results.json"), "utf8"))).toEqual({ check: 1 });
    expect(fs.existsSync(path.join(root, "bench", "results.json"))).toBe(false);
    expect(line).toBe("results written to .bench/results.json (untracked; --save writes bench/results.json)");
  });

  it("go to the tracked bench/results.json with --save only", () => {
    const line = writeResults({ check: 2 }, ["node", "bench/run.ts", "--save"], root);
    expect(JSON.parse(fs.readFileSync(path.join(root, "bench", "results.json"), "utf8"))).toEqual({ check: 2 });
    expect(fs.existsSync(path.join(root, ".bench"))).toBe(false);
    expect(line).toBe("results saved to bench/results.json (tracked)");
  });

  it("keep the scratch file out of git", () => {
    const ignored = fs.readFileSync(path.join(__dirname, "..", "..", ".gitignore"), "utf8").split("\n");
    expect(ignored).toContain(".bench/");
  });
});
