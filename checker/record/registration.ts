// Turns one RegisterResourceRequest (as the SDK sends it to the monitor) into the resource the engine
// would hand to analyzers. The request is typed structurally so tests can build real protobuf requests.
import * as path from "path";
import { fileURLToPath } from "url";
import type { RecordedOptions, SourceLocation } from "../types";
import { durationSeconds } from "./duration";
import { engineProperties } from "./properties";

interface StructLike {
  toJavaScript(): Record<string, unknown>;
}
interface FrameLike {
  getPc(): { getUri(): string; getLine(): number } | undefined;
}
interface AliasLike {
  getUrn(): string;
  getSpec(): { getName(): string; getType(): string; getParenturn(): string; getNoparent(): boolean } | undefined;
}

export interface RegistrationRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getRemote(): boolean;
  getObject(): StructLike | undefined;
  getProtect(): boolean | undefined;
  getDependenciesList(): string[];
  getProvider(): string;
  getPropertydependenciesMap(): { forEach(cb: (value: { getUrnsList(): string[] }, key: string) => void): void };
  getDeletebeforereplace(): boolean;
  getDeletebeforereplacedefined(): boolean;
  getVersion(): string;
  getIgnorechangesList(): string[];
  getAdditionalsecretoutputsList(): string[];
  getAliasesList(): AliasLike[];
  getCustomtimeouts(): { getCreate(): string; getUpdate(): string; getDelete(): string } | undefined;
  getStacktrace(): { getFramesList(): FrameLike[] } | undefined;
}

/** A provider reference is "<urn>::<id>"; analyzers get the provider by URN. */
export function providerUrnOf(reference: string): string {
  const cut = reference.lastIndexOf("::");
  return cut > 0 ? reference.slice(0, cut) : reference;
}

export function optionsOf(req: RegistrationRequest, aliasUrn: (name: string, type: string, parent: string) => string): RecordedOptions {
  const timeouts = req.getCustomtimeouts();
  const aliasUrns = req.getAliasesList().map((alias) => {
    const spec = alias.getSpec();
    if (!spec) {
      return alias.getUrn();
    }
    const parent = spec.getNoparent() ? "" : spec.getParenturn() || req.getParent();
    return aliasUrn(spec.getName() || req.getName(), spec.getType() || req.getType(), parent);
  });
  const options: RecordedOptions = {
    protect: req.getProtect() ?? false,
    ignoreChanges: req.getIgnorechangesList(),
    aliases: [...new Set(aliasUrns)],
    additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
    customTimeouts: {
      createSeconds: durationSeconds(timeouts?.getCreate() ?? ""),
      updateSeconds: durationSeconds(timeouts?.getUpdate() ?? ""),
      deleteSeconds: durationSeconds(timeouts?.getDelete() ?? ""),
    },
  };
  if (req.getDeletebeforereplacedefined()) {
    options.deleteBeforeReplace = req.getDeletebeforereplace();
  }
  return options;
}

export function propertyDependenciesOf(req: RegistrationRequest): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  req.getPropertydependenciesMap().forEach((value, key) => {
    const urns = value.getUrnsList();
    if (urns.length > 0) {
      result[key] = urns;
    }
  });
  return result;
}

export function inputsOf(req: RegistrationRequest): Record<string, unknown> {
  return engineProperties(req.getObject()?.toJavaScript() ?? {});
}

function framePath(uri: string): string {
  return uri.startsWith("file:") ? fileURLToPath(uri) : uri;
}

/** The first frame of the registration's stack that lies in the program's own files. */
export function locationOf(req: RegistrationRequest, programDir: string): SourceLocation | undefined {
  const root = programDir.endsWith(path.sep) ? programDir : programDir + path.sep;
  for (const frame of req.getStacktrace()?.getFramesList() ?? []) {
    const pc = frame.getPc();
    if (!pc || !pc.getUri()) {
      continue;
    }
    const file = framePath(pc.getUri());
    if (file.startsWith(root) && !file.includes(`${path.sep}node_modules${path.sep}`)) {
      return { file, line: pc.getLine() };
    }
  }
  return undefined;
}
