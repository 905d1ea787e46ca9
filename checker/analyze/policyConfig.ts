// Policy configuration as the engine reads and reconciles it before Configure
// (pkg/resource/analyzer/config.go, pkg/engine's policy loading): the --policy-pack-config file is a
// JSON object of name -> enforcement level or {enforcementLevel?, ...properties}; an empty file is no
// config. Reconciliation starts from each policy's level and schema defaults, then applies the pack's
// initial config, then the file; in each layer "all" sets every level first and per-name entries
// override it. An entry naming no policy of the pack is passed on (the engine does not reject it).
// The result is validated against every policy's config schema and all problems are reported at once.
import Ajv, { type ErrorObject } from "ajv";
import { isRecord } from "../../model";
import { CheckError } from "../errors";
import { readUtf8 } from "../record/text";
import type { EnforcementLevel } from "../types";

export interface PolicyConfigEntry {
  enforcementLevel?: EnforcementLevel;
  properties: Record<string, unknown>;
}
export type PolicyConfigMap = Record<string, PolicyConfigEntry>;

export interface ConfigurablePolicy {
  name: string;
  enforcementLevel: EnforcementLevel;
  configSchema?: { properties: Record<string, unknown>; required: string[] };
}

export interface ReconciledPolicyConfig {
  /** What Configure sends: every policy of the pack, plus the entries that name none (passed on). */
  config: PolicyConfigMap;
  /** Names in the user's file that are not policies of the pack ("all" aside). */
  unknown: string[];
}

const LEVELS: readonly string[] = ["advisory", "mandatory", "remediate", "disabled"];

/**
 * Keys of the file that are not policies: ESC environments for a policy pack are attached in Pulumi
 * Cloud (policy groups) and opened by the CLI, not read from this file; offline none is opened.
 */
export const NON_POLICY_KEYS: readonly string[] = ["environments"];

function isLevel(v: unknown): v is EnforcementLevel {
  return typeof v === "string" && LEVELS.includes(v);
}

/** One error for all of a file's problems, naming the file and each field; sorted as the engine sorts them. */
function problemsError(file: string, problems: string[], hint: string): CheckError {
  const sorted = [...problems].sort();
  if (sorted.length === 1) {
    return new CheckError(`${file}: ${sorted[0]}${hint}`);
  }
  return new CheckError(`${file}: ${sorted.length} problems: ${sorted.join("; ")}${hint}`);
}

/** Parses the `pulumi preview --policy-pack-config` JSON format; reports every malformed entry at once. */
export function parsePolicyConfig(text: string, file: string): PolicyConfigMap {
  // The engine accepts an empty (or blank) file as no config at all.
  if (text.trim() === "") {
    return {};
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new CheckError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    throw new CheckError(`${file}: expected an object of policy name -> enforcement level or settings`);
  }
  const result: PolicyConfigMap = {};
  const problems: string[] = [];
  for (const [name, value] of Object.entries(doc)) {
    if (NON_POLICY_KEYS.includes(name)) {
      continue;
    }
    if (typeof value === "string") {
      if (isLevel(value)) {
        result[name] = { enforcementLevel: value, properties: {} };
      } else {
        problems.push(`field '${name}' is "${value}"; use one of ${LEVELS.join(", ")}`);
      }
    } else if (isRecord(value)) {
      const { enforcementLevel, ...properties } = value;
      if (enforcementLevel !== undefined && !isLevel(enforcementLevel)) {
        problems.push(`field '${name}.enforcementLevel' is ${JSON.stringify(enforcementLevel)}; use one of ${LEVELS.join(", ")}`);
      } else if (enforcementLevel !== undefined || Object.keys(properties).length > 0) {
        // An entry with neither a level nor properties is dropped, as the engine drops it.
        result[name] = { enforcementLevel, properties };
      }
    } else {
      problems.push(`field '${name}' must be an enforcement level string or an object`);
    }
  }
  if (problems.length > 0) {
    throw problemsError(file, problems, "");
  }
  return result;
}

/** A `--policy-pack-config` file as read: its text locates entries for the findings about them. */
export interface PolicyConfigFile {
  file: string;
  text: string;
  entries: PolicyConfigMap;
}

export function readPolicyConfigFile(file: string): PolicyConfigFile {
  const text = readUtf8(file, "--policy-pack-config");
  return { file, text, entries: parsePolicyConfig(text, file) };
}

function applyLayer(result: PolicyConfigMap, layer: PolicyConfigMap): void {
  const all = layer.all;
  if (all?.enforcementLevel) {
    for (const entry of Object.values(result)) {
      entry.enforcementLevel = all.enforcementLevel;
    }
  }
  for (const [name, given] of Object.entries(layer)) {
    if (name === "all") {
      continue;
    }
    const entry = result[name] ?? { properties: {} };
    if (given.enforcementLevel) {
      entry.enforcementLevel = given.enforcementLevel;
    }
    entry.properties = { ...entry.properties, ...given.properties };
    result[name] = entry;
  }
}

function schemaDefaults(policy: ConfigurablePolicy): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(policy.configSchema?.properties ?? {})) {
    if (prop !== null && typeof prop === "object" && "default" in prop) {
      defaults[key] = (prop as { default: unknown }).default;
    }
  }
  return defaults;
}

function describe(policy: string, err: ErrorObject): string {
  const field = err.instancePath ? `${policy}${err.instancePath.replace(/\//g, ".")}` : policy;
  return `field '${field}' ${err.message ?? "is invalid"}`;
}

/** The pack's own config, before any file: each policy's level and schema defaults, then the pack's initial config. */
export function packDefaults(policies: ConfigurablePolicy[], initial: PolicyConfigMap): PolicyConfigMap {
  const config: PolicyConfigMap = {};
  for (const policy of policies) {
    config[policy.name] = { enforcementLevel: policy.enforcementLevel, properties: schemaDefaults(policy) };
  }
  applyLayer(config, initial);
  return config;
}

export function reconcilePolicyConfig(
  policies: ConfigurablePolicy[],
  initial: PolicyConfigMap,
  user: PolicyConfigMap,
  file: string,
): ReconciledPolicyConfig {
  const known = new Set(policies.map((p) => p.name));
  const unknown = Object.keys(user).filter((name) => name !== "all" && !known.has(name));
  const config = packDefaults(policies, initial);
  applyLayer(config, user);
  const ajv = new Ajv({ allErrors: true, strict: false });
  const problems: string[] = [];
  for (const policy of policies) {
    if (!policy.configSchema) {
      continue;
    }
    const validate = ajv.compile({ type: "object", properties: policy.configSchema.properties, required: policy.configSchema.required });
    if (!validate(config[policy.name].properties)) {
      problems.push(...(validate.errors ?? []).map((err) => describe(policy.name, err)));
    }
  }
  const distinct = [...new Set(problems)];
  if (distinct.length > 0) {
    throw problemsError(file, distinct, distinct.length === 1 ? "; see the policy's config schema" : "; see the policies' config schemas");
  }
  return { config, unknown };
}
