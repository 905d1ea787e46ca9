// The kit's language host is started by the engine with the engine's address as its last argument;
// started by hand without one, it says it is internal in one line and exits 2 instead of serving.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { cachedEngineDir } from "../../engine/conformance/locate";
import { firstLineServed } from "../checker/pluginPort";

const LANGHOST = path.join(cachedEngineDir(), "pulumi-language-nodejs");
const describeBuilt = fs.existsSync(LANGHOST) ? describe : describe.skip;

describeBuilt("the kit's language host", () => {
  it.each([[[]], [["--logtostderr", "-v=9"]]])("refuses to run without the engine's address (%j)", (args) => {
    // Bounded: a host that serves instead of refusing would otherwise never end.
    const run = spawnSync(LANGHOST, args, { encoding: "utf8", timeout: 30_000, killSignal: "SIGKILL" });
    expect({ code: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "pulumi-language-nodejs is internal to pipeline-check and is not run on its own; the Pulumi engine starts it in npm run test:engine\n",
    });
  });

  it("serves, printing its port, when given the engine's address", async () => {
    const firstLine = await firstLineServed(LANGHOST, ["127.0.0.1:9"]);
    expect(firstLine).toMatch(/^\d+$/);
  });
});
