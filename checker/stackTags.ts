// Stack tags as the engine hands them to analyzers in ConfigureStack: the backend's environment tags
// (pkg/backend/stack.go GetEnvironmentTagsForCurrentStack: `pulumi:project`, `pulumi:runtime`,
// `pulumi:description` from Pulumi.yaml, and the `pulumi:tags` config object), then the stack's own
// tags, which offline come from `--stack-tag key=value`. Names and values are checked with the
// backend's rules (ValidateStackTags). Git metadata tags (vcs:*) are not derived offline.
import * as fs from "fs";
import * as path from "path";
import { CheckError } from "./errors";
import { readYaml } from "./record/text";

const TAG_NAME = /^[a-zA-Z0-9\-_.:]{1,40}$/;
const MAX_TAG_VALUE = 256;

function checkTag(name: string, value: string, origin: string): void {
  if (!TAG_NAME.test(name)) {
    throw new CheckError(
      name.length > 40
        ? `${origin}: stack tag "${name}" is too long (max length 40 characters)`
        : `${origin}: stack tag names may only contain alphanumerics, hyphens, underscores, periods, or colons`,
    );
  }
  if (value.length > MAX_TAG_VALUE) {
    throw new CheckError(`${origin}: stack tag "${name}" value is too long (max length ${MAX_TAG_VALUE} characters)`);
  }
}

/** Parses `--stack-tag key=value` flags; later flags win. */
export function parseStackTagFlags(flags: readonly string[]): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const flag of flags) {
    const eq = flag.indexOf("=");
    if (eq <= 0) {
      throw new CheckError(`--stack-tag ${flag}: expected key=value (for example --stack-tag team=platform)`);
    }
    const [name, value] = [flag.slice(0, eq), flag.slice(eq + 1)];
    checkTag(name, value, `--stack-tag ${flag}`);
    tags[name] = value;
  }
  return tags;
}

/** The tags the backend derives from Pulumi.yaml (when the program has one) and the `pulumi:tags` config. */
export function environmentTags(projectDir: string | undefined, project: string, config: Record<string, string>): Record<string, string> {
  const tags: Record<string, string> = {};
  const file = projectDir ? path.join(projectDir, "Pulumi.yaml") : undefined;
  if (file && fs.existsSync(file)) {
    const doc = readYaml(file) as Record<string, unknown> | null;
    const runtime = doc?.runtime;
    tags["pulumi:project"] = project;
    const runtimeName = typeof runtime === "string" ? runtime : (runtime as { name?: unknown } | undefined)?.name;
    if (typeof runtimeName === "string") {
      tags["pulumi:runtime"] = runtimeName;
    }
    if (typeof doc?.description === "string") {
      tags["pulumi:description"] = doc.description;
    }
  }
  const configured = config["pulumi:tags"];
  if (configured !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(configured);
    } catch {
      parsed = undefined;
    }
    if (
      parsed === null ||
      typeof parsed !== "object" ||
      Array.isArray(parsed) ||
      Object.values(parsed).some((v) => typeof v !== "string")
    ) {
      throw new CheckError("config pulumi:tags must be an object of strings");
    }
    for (const [name, value] of Object.entries(parsed as Record<string, string>)) {
      checkTag(name, value, "config pulumi:tags");
      tags[name] = value;
    }
  }
  return tags;
}
