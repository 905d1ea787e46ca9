// Reads a `pulumi stack export` file into a recording, so deployed state is judged like a program:
// Analyze sees each resource's inputs, AnalyzeStack its outputs.
import { CheckError } from "../errors";
import type { PropertyMap, RecordedResource, Recording } from "../types";
import { parseUrn } from "../urn";
import { SECRET_SIG, SIG_KEY } from "./properties";
import { providerUrnOf } from "./registration";
import { printable, readUtf8 } from "./text";

/** Stand-in for an encrypted secret: a secret whose content the checker cannot see. */
export const OPAQUE_SECRET = "[secret]";

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function exportValue(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(exportValue);
  }
  if (!isRecord(value)) {
    return value;
  }
  if (value[SIG_KEY] === SECRET_SIG) {
    if (typeof value.plaintext === "string") {
      return { [SIG_KEY]: SECRET_SIG, value: exportValue(JSON.parse(value.plaintext)) };
    }
    return { [SIG_KEY]: SECRET_SIG, value: "value" in value ? exportValue(value.value) : OPAQUE_SECRET };
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, exportValue(v)]));
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

function timeoutSeconds(v: unknown): number {
  return typeof v === "number" ? v / 1e9 : 0;
}

export function parseStateExport(text: string, file: string): Recording {
  if (text.trim() === "") {
    throw new CheckError(`--state ${file}: the file is empty; expected a 'pulumi stack export' document`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new CheckError(`--state ${file}: not valid JSON (${printable((e as Error).message)})`);
  }
  const deployment = isRecord(doc) ? doc.deployment : undefined;
  const list = isRecord(deployment) ? deployment.resources : undefined;
  if (!isRecord(doc) || doc.version !== 3 || !Array.isArray(list)) {
    throw new CheckError(`--state ${file}: expected a 'pulumi stack export' document ({"version": 3, "deployment": {"resources": [...]}})`);
  }
  const resources: RecordedResource[] = list.map((raw: unknown, i: number) => {
    const r = isRecord(raw) ? raw : {};
    const parsed = typeof r.urn === "string" ? parseUrn(r.urn) : undefined;
    if (!parsed || typeof r.type !== "string") {
      throw new CheckError(`--state ${file}: field 'deployment.resources[${i}].urn' must be a Pulumi URN with a matching 'type'`);
    }
    const timeouts = isRecord(r.customTimeouts) ? r.customTimeouts : {};
    const propertyDependencies: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(isRecord(r.propertyDependencies) ? r.propertyDependencies : {})) {
      propertyDependencies[k] = strings(v);
    }
    return {
      urn: r.urn as string,
      type: r.type,
      name: parsed.name,
      custom: r.custom === true,
      parent: typeof r.parent === "string" ? r.parent : "",
      provider: typeof r.provider === "string" ? providerUrnOf(r.provider) : "",
      inputs: exportValue(isRecord(r.inputs) ? r.inputs : {}) as PropertyMap,
      outputs: exportValue(isRecord(r.outputs) ? r.outputs : {}) as PropertyMap,
      dependencies: strings(r.dependencies),
      propertyDependencies,
      options: {
        protect: r.protect === true,
        ignoreChanges: strings(r.ignoreChanges),
        aliases: strings(r.aliases),
        additionalSecretOutputs: strings(r.additionalSecretOutputs),
        ...(typeof r.deleteBeforeReplace === "boolean" ? { deleteBeforeReplace: r.deleteBeforeReplace } : {}),
        customTimeouts: { createSeconds: timeoutSeconds(timeouts.create), updateSeconds: timeoutSeconds(timeouts.update), deleteSeconds: timeoutSeconds(timeouts.delete) },
      },
    };
  });
  const first = resources.length > 0 ? parseUrn(resources[0].urn) : undefined;
  return { project: first?.project ?? "", stack: first?.stack ?? "", entry: file, resources, invokes: [] };
}

export function readStateExport(file: string): Recording {
  return parseStateExport(readUtf8(file, "--state"), file);
}
