// A plugin the engine starts (provider, language host) prints the port it serves on as its first line.
import { spawn } from "child_process";

/** Starts `command args`, resolves with its first stdout line, then kills it; rejects if it exits first. */
export async function firstLineServed(command: string, args: string[], cwd?: string): Promise<string> {
  const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    return await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("\n")) {
          resolve(out.split("\n")[0]);
        }
      });
      child.once("exit", (code) => reject(new Error(`exited with ${code} before printing its port`)));
    });
  } finally {
    child.kill("SIGKILL");
    await exited;
  }
}
