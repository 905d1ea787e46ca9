// An Output whose apply throws fails the program, wherever its result goes, as under the engine's Node
// host: the rejection nobody handles ends the run with the program's error, never a report that
// silently lacks the resource that needed the value.
import * as path from "path";
import { runCheck } from "../../checker/index";
import { CheckError } from "../../checker/errors";
import { PACK } from "./cliProcess";
import { usePack } from "./packFixture";

const program = (name: string): string => path.join(__dirname, "programs", "apply-throws", `${name}.ts`);

jest.setTimeout(120_000);

describe("an apply that throws", () => {
  const pack = usePack({ policyPack: PACK, project: "apply-throws", stack: "dev" });

  it.each([
    ["a resource's input", "consumed", 'error serializing property "bucket": boom inside apply', 8],
    ["a stack output", "exported", "boom inside apply", 7],
    ["a component's registered output", "component", 'error serializing property "outputs": boom inside apply', 11],
    ["nothing", "unused", "boom inside apply", 8],
  ])("fails the program, naming the throw, when its result feeds %s", async (_feeds, name, message, line) => {
    const failure = runCheck({ program: program(name), pack: pack() });
    await expect(failure).rejects.toThrow(CheckError);
    const file = path.relative(process.cwd(), program(name));
    await expect(failure).rejects.toThrow(`program ${file} threw: ${message} (${file}:${line})`);
  });
});
