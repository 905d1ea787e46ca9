/** What the code under test writes to stdout and stderr, captured afresh for each test of the suite. */
export interface CapturedOutput {
  stdout: string;
  stderr: string;
}

/** Call inside a `describe`: installs the capture before each test and restores the streams after. */
export function captureOutput(): CapturedOutput {
  const output: CapturedOutput = { stdout: "", stderr: "" };
  beforeEach(() => {
    output.stdout = "";
    output.stderr = "";
    for (const stream of ["stdout", "stderr"] as const) {
      jest.spyOn(process[stream], "write").mockImplementation((chunk: string | Uint8Array) => {
        output[stream] += chunk.toString();
        return true;
      });
    }
  });
  afterEach(() => jest.restoreAllMocks());
  return output;
}
