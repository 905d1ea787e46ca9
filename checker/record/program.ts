// Finds what to run from the PROGRAM argument, the way the language host reads Pulumi.yaml.
import * as fs from "fs";
import * as path from "path";
import { CheckError, readUserFile } from "../errors";
import { readYaml } from "./text";

export interface ProgramTarget {
  /** Directory holding Pulumi.yaml (or the program itself): stack config files live here. */
  projectDir: string;
  project: string;
  /** Absolute path of the file to require. */
  entry: string;
  /** Directory whose files count as "the program" for source locations. */
  programDir: string;
}

function readProjectFile(file: string): { name?: string; main?: string } {
  const doc = readYaml(file);
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    throw new CheckError(`${file}: expected a mapping with 'name' and 'runtime'`);
  }
  const { name, main } = doc as Record<string, unknown>;
  if (name !== undefined && typeof name !== "string") {
    throw new CheckError(`${file}: field 'name' must be a string`);
  }
  if (main !== undefined && typeof main !== "string") {
    throw new CheckError(`${file}: field 'main' must be a string path`);
  }
  // `runtime: nodejs` or `runtime: {name: nodejs, options: ...}`; absent is taken as nodejs.
  const { runtime } = doc as Record<string, unknown>;
  const runtimeName = runtime !== null && typeof runtime === "object" ? (runtime as Record<string, unknown>).name : runtime;
  if (runtimeName !== undefined && runtimeName !== "nodejs") {
    throw new CheckError(
      `${file}: field 'runtime' is ${JSON.stringify(runtimeName)}; the offline check runs only nodejs programs (TypeScript or JavaScript); ` +
        "check this program with pulumi preview --policy-pack",
    );
  }
  return { name, main };
}

function entryIn(dir: string, origin: string): string {
  for (const candidate of ["index.ts", "index.js"]) {
    const file = path.join(dir, candidate);
    if (fs.existsSync(file)) {
      return file;
    }
  }
  throw new CheckError(`${origin}: no index.ts or index.js in ${dir}; name the entry file with 'main' or pass a .ts/.js file`);
}

function fromProjectDir(dir: string): ProgramTarget {
  const projectFile = path.join(dir, "Pulumi.yaml");
  const { name, main } = readProjectFile(projectFile);
  let entry: string;
  let programDir = dir;
  if (main) {
    const target = path.resolve(dir, main);
    if (!fs.existsSync(target)) {
      throw new CheckError(`${projectFile}: field 'main' points to ${main}, which does not exist`);
    }
    if (fs.statSync(target).isDirectory()) {
      entry = entryIn(target, `${projectFile} field 'main'`);
      programDir = target;
    } else {
      entry = target;
      programDir = path.dirname(target);
    }
  } else {
    entry = entryIn(dir, projectFile);
  }
  return { projectDir: dir, project: name ?? path.basename(dir), entry, programDir };
}

function locate(arg: string | undefined, defaultDir: string): ProgramTarget {
  const target = path.resolve(arg ?? defaultDir);
  if (!fs.existsSync(target)) {
    throw new CheckError(`program not found: ${arg ?? target} (pass a directory with Pulumi.yaml or index.ts, or a .ts/.js file)`);
  }
  if (fs.statSync(target).isDirectory()) {
    if (fs.existsSync(path.join(target, "Pulumi.yaml"))) {
      return fromProjectDir(target);
    }
    return { projectDir: target, project: path.basename(target), entry: entryIn(target, target), programDir: target };
  }
  if (!/\.(ts|js)$/.test(target)) {
    throw new CheckError(`program ${arg}: expected a directory or a .ts/.js file`);
  }
  const dir = path.dirname(target);
  const projectFile = path.join(dir, "Pulumi.yaml");
  const name = fs.existsSync(projectFile) ? readProjectFile(projectFile).name : undefined;
  return { projectDir: dir, project: name ?? path.basename(dir), entry: target, programDir: dir };
}

/**
 * What to run for the PROGRAM argument (default: defaultDir). An entry file that cannot be read is
 * reported here, as `<file>: permission denied`, before any process starts.
 */
export function resolveProgram(arg: string | undefined, defaultDir: string): ProgramTarget {
  const target = locate(arg, defaultDir);
  readUserFile(target.entry);
  return target;
}
