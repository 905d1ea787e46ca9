// `require("@pulumi/pulumi")` eagerly loads the Automation API, and npm's Arborist and the TypeScript
// compiler (for closure serialization): about 500 of its 760 modules and half a second per process,
// which a program under mocks or a policy pack almost never touches. They are handed out as stand-ins
// that load the real module on first use, so code that does use them still gets them.
import Module from "module";
import * as path from "path";

interface Loader {
  _load(request: string, parent: unknown, isMain: boolean): unknown;
  _resolveFilename(request: string, parent: unknown, isMain: boolean): string;
}

export interface DeferredModule {
  /** The request string as the SDK writes it (checked before resolving, which costs time). */
  request: string;
  /** The resolved file it must lead to. */
  file: string;
}

function standIn(load: () => object): object {
  let real: object | undefined;
  const exports = (): object => (real ??= load());
  // TypeScript's import helpers ask for __esModule first; answering it must not load the module.
  return new Proxy(
    {},
    {
      get: (_, key) => (key === "__esModule" && real === undefined ? true : Reflect.get(exports(), key)),
      has: (_, key) => Reflect.has(exports(), key),
      ownKeys: () => Reflect.ownKeys(exports()),
      getOwnPropertyDescriptor: (_, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(exports(), key);
        return descriptor && { ...descriptor, configurable: true };
      },
    },
  );
}

/** Hands out stand-ins for the given modules until a property of their exports is first read. */
export function deferModules(modules: DeferredModule[]): void {
  const requests = new Set(modules.map((m) => m.request));
  const files = new Set(modules.map((m) => m.file));
  const loader = Module as unknown as Loader;
  const load = loader._load.bind(loader);
  loader._load = (request, parent, isMain) => {
    if (requests.has(request)) {
      const file = loader._resolveFilename(request, parent, isMain);
      if (files.has(file) && !(file in require.cache)) {
        return standIn(() => load(request, parent, isMain) as object);
      }
    }
    return load(request, parent, isMain);
  };
}

/** What `@pulumi/pulumi` (resolved at sdkPackageJson) loads eagerly and a program under mocks does not need. */
export function unusedSdkModules(sdkPackageJson: string): DeferredModule[] {
  const sdkDir = path.dirname(sdkPackageJson);
  const modules: DeferredModule[] = [
    { request: "./automation", file: path.join(sdkDir, "automation", "index.js") },
    // The compiler, used only to serialize closures.
    { request: "../../typescript-shim", file: path.join(sdkDir, "typescript-shim.js") },
  ];
  try {
    modules.push({
      request: "@npmcli/arborist",
      file: require.resolve("@npmcli/arborist", { paths: [path.join(sdkDir, "runtime", "closure")] }),
    });
  } catch {
    // An SDK without Arborist has nothing to defer there.
  }
  return modules;
}
