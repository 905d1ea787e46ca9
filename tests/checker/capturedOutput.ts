/** What the code under test writes to stdout and stderr, captured afresh for each test of the suite. */
export interface CapturedOutput {
  stdout: string;
  stderr: string;
}

/**
 * Call inside a `describe`: installs the capture before each test and restores the streams after.
 * stderr counts as a terminal only when `terminal` says so, whatever jest's own stderr is, because the
 * CLI prints progress differently on a terminal and in a CI log.
 */
export function captureOutput(terminal = false): CapturedOutput {
  const output: CapturedOutput = { stdout: "", stderr: "" };
  let isTTY: PropertyDescriptor | undefined;
  beforeEach(() => {
    output.stdout = "";
    output.stderr = "";
    for (const stream of ["stdout", "stderr"] as const) {
      jest.spyOn(process[stream], "write").mockImplementation((chunk: string | Uint8Array) => {
        output[stream] += chunk.toString();
        return true;
      });
    }
    isTTY = Object.getOwnPropertyDescriptor(process.stderr, "isTTY");
    Object.defineProperty(process.stderr, "isTTY", { value: terminal, configurable: true, writable: true });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    if (isTTY) {
      Object.defineProperty(process.stderr, "isTTY", isTTY);
    } else {
      delete (process.stderr as { isTTY?: boolean }).isTTY;
    }
  });
  return output;
}
