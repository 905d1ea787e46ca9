// Reads a `pulumi stack export` file into a recording that is judged the way `pulumi policy analyze
// --file` judges one (pkg/cmd/pulumi/policy/policy_analyze.go, pkg/resource/deploy/analyze_snapshot.go):
// resources pending deletion are skipped, every other resource (providers too) goes to Remediate and
// Analyze with its inputs, AnalyzeStack sees outputs, and remediations are reported but not applied.
import { isRecord } from "../../model";
import { CheckError } from "../errors";
import type { PropertyMap, RecordedResource, Recording } from "../types";
import { parseUrn } from "../urn";
import { RESOURCE_SIG, SECRET_SIG, SIG_KEY } from "./properties";
import { providerUrnOf } from "./registration";
import { printable, readUtf8 } from "./text";

/**
 * What a secret the checker cannot decrypt reads as: the engine's BlindingCrypter sentinel, which
 * `policy analyze --file` falls back to when the export's secrets manager cannot decrypt offline.
 */
export const OPAQUE_SECRET = "[secret]";

/** Turns exported property values into what the analyzer is sent; counts the secrets it could not read. */
class ExportValues {
  redacted = 0;

  constructor(private readonly file: string) {}

  private fail(field: string, problem: string): never {
    throw new CheckError(`--state ${this.file}: field '${field}' ${problem}`);
  }

  value(value: unknown, field: string): unknown {
    if (Array.isArray(value)) {
      return value.map((v, i) => this.value(v, `${field}[${i}]`));
    }
    if (!isRecord(value)) {
      return value;
    }
    const sig = value[SIG_KEY];
    if (sig === SECRET_SIG) {
      return { [SIG_KEY]: SECRET_SIG, value: this.secret(value, field) };
    }
    if (sig === RESOURCE_SIG) {
      // Marshalled without KeepResources: a custom resource's id, else (a component) its URN.
      return typeof value.id === "string" && value.id !== "" ? value.id : value.urn;
    }
    if (typeof sig === "string") {
      return value;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.value(v, `${field}.${k}`)]));
  }

  private secret(value: Record<string, unknown>, field: string): unknown {
    const cipher = typeof value.ciphertext === "string";
    const plain = typeof value.plaintext === "string";
    if (cipher === plain) {
      this.fail(field, "is a malformed secret: exactly one of 'ciphertext' or 'plaintext' must be given");
    }
    if (cipher) {
      this.redacted++;
      return OPAQUE_SECRET;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(value.plaintext as string);
    } catch (e) {
      this.fail(field, `is a secret whose 'plaintext' is not JSON (${printable((e as Error).message)})`);
    }
    return this.value(parsed, field);
  }

  map(value: unknown, field: string): PropertyMap {
    return isRecord(value) ? (this.value(value, field) as PropertyMap) : {};
  }
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
  // An export of a stack that was never deployed (or is destroyed) has no `resources` at all.
  const list = isRecord(deployment) ? (deployment.resources ?? []) : undefined;
  if (!isRecord(doc) || doc.version !== 3 || !Array.isArray(list)) {
    throw new CheckError(`--state ${file}: expected a 'pulumi stack export' document ({"version": 3, "deployment": {"resources": [...]}})`);
  }
  const values = new ExportValues(file);
  const resources: RecordedResource[] = [];
  list.forEach((raw: unknown, i: number) => {
    const r = isRecord(raw) ? raw : {};
    const parsed = typeof r.urn === "string" ? parseUrn(r.urn) : undefined;
    if (!parsed || typeof r.type !== "string") {
      throw new CheckError(`--state ${file}: field 'deployment.resources[${i}].urn' must be a Pulumi URN with a matching 'type'`);
    }
    if (r.delete === true) {
      // Pending deletion (a replaced resource's old copy): AnalyzeSnapshot skips it.
      return;
    }
    const at = `deployment.resources[${i}]`;
    const timeouts = isRecord(r.customTimeouts) ? r.customTimeouts : {};
    const propertyDependencies: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(isRecord(r.propertyDependencies) ? r.propertyDependencies : {})) {
      propertyDependencies[k] = strings(v);
    }
    resources.push({
      urn: r.urn as string,
      type: r.type,
      name: parsed.name,
      custom: r.custom === true,
      parent: typeof r.parent === "string" ? r.parent : "",
      provider: typeof r.provider === "string" ? providerUrnOf(r.provider) : "",
      inputs: values.map(r.inputs, `${at}.inputs`),
      outputs: values.map(r.outputs, `${at}.outputs`),
      dependencies: strings(r.dependencies),
      propertyDependencies,
      // The options a snapshot resource carries to the analyzer: no deleteBeforeReplace among them.
      options: {
        protect: r.protect === true,
        ignoreChanges: strings(r.ignoreChanges),
        aliases: strings(r.aliases),
        additionalSecretOutputs: strings(r.additionalSecretOutputs),
        customTimeouts: {
          createSeconds: timeoutSeconds(timeouts.create),
          updateSeconds: timeoutSeconds(timeouts.update),
          deleteSeconds: timeoutSeconds(timeouts.delete),
        },
      },
    });
  });
  const warnings: string[] = [];
  if (values.redacted > 0) {
    warnings.push(
      `could not decrypt secrets in ${file}; analyzing with secret values redacted (${values.redacted} read as "${OPAQUE_SECRET}"; export with --show-secrets to check them)`,
    );
  }
  if (resources.length === 0) {
    warnings.push(`${file} has no resources; nothing to analyze`);
  }
  const first = resources.length > 0 ? parseUrn(resources[0].urn) : undefined;
  return { project: first?.project ?? "", stack: first?.stack ?? "", entry: file, resources, invokes: [], snapshot: true, warnings };
}

export function readStateExport(file: string): Recording {
  return parseStateExport(readUtf8(file, "--state"), file);
}
