// `@pulumi/*` resolve from the program's own directory first (its pinned SDK), then from the kit's
// node_modules, so a bare program folder without node_modules still runs.
import Module from "module";
import * as path from "path";

export function pulumiResolver(programDir: string, kitRoot: string): (request: string) => string {
  return (request: string): string => {
    try {
      return require.resolve(request, { paths: [programDir] });
    } catch {
      return require.resolve(request, { paths: [kitRoot] });
    }
  };
}

interface ResolvingModule {
  _resolveFilename(request: string, parent: unknown, ...rest: unknown[]): string;
}

export function installPulumiResolution(programDir: string, kitRoot: string): void {
  const mod = Module as unknown as ResolvingModule;
  const original = mod._resolveFilename.bind(mod);
  const fallback = pulumiResolver(programDir, path.resolve(kitRoot));
  // The fallback's require.resolve re-enters this hook; without the guard every miss recursed until
  // the call stack overflowed (a second per program with no node_modules of its own).
  let fallingBack = false;
  mod._resolveFilename = (request: string, parent: unknown, ...rest: unknown[]): string => {
    try {
      return original(request, parent, ...rest);
    } catch (e) {
      if (!request.startsWith("@pulumi/") || fallingBack) {
        throw e;
      }
      fallingBack = true;
      try {
        return fallback(request);
      } finally {
        fallingBack = false;
      }
    }
  };
}
