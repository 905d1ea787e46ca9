// Policy configuration as the engine reconciles it before Configure: schema defaults, then the pack's
// initial config, then the user's --policy-pack-config file; in each layer "all" applies first and
// per-policy entries override it. The result is validated against each policy's config schema.
import Ajv from "ajv";
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

const LEVELS: readonly string[] = ["advisory", "mandatory", "remediate", "disabled"];

function isLevel(v: unknown): v is EnforcementLevel {
  return typeof v === "string" && LEVELS.includes(v);
}

/** Parses the `pulumi preview --policy-pack-config` JSON format. */
export function parsePolicyConfig(text: string, file: string): PolicyConfigMap {
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
  for (const [name, value] of Object.entries(doc)) {
    if (typeof value === "string") {
      if (!isLevel(value)) {
        throw new CheckError(`${file}: field '${name}' is "${value}"; use one of ${LEVELS.join(", ")}`);
      }
      result[name] = { enforcementLevel: value, properties: {} };
    } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      const { enforcementLevel, ...properties } = value as Record<string, unknown>;
      if (enforcementLevel !== undefined && !isLevel(enforcementLevel)) {
        throw new CheckError(`${file}: field '${name}.enforcementLevel' is ${JSON.stringify(enforcementLevel)}; use one of ${LEVELS.join(", ")}`);
      }
      result[name] = { enforcementLevel, properties };
    } else {
      throw new CheckError(`${file}: field '${name}' must be an enforcement level string or an object`);
    }
  }
  return result;
}

export function readPolicyConfigFile(file: string): PolicyConfigMap {
  return parsePolicyConfig(readUtf8(file, "--policy-pack-config"), file);
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

export function reconcilePolicyConfig(
  policies: ConfigurablePolicy[],
  initial: PolicyConfigMap,
  user: PolicyConfigMap,
  file: string,
): PolicyConfigMap {
  const known = new Set(policies.map((p) => p.name));
  for (const name of Object.keys(user)) {
    if (name !== "all" && !known.has(name)) {
      throw new CheckError(`${file}: field '${name}' names no policy of this pack (known: ${[...known].join(", ")})`);
    }
  }
  const result: PolicyConfigMap = {};
  for (const policy of policies) {
    result[policy.name] = { enforcementLevel: policy.enforcementLevel, properties: schemaDefaults(policy) };
  }
  applyLayer(result, initial);
  applyLayer(result, user);
  const ajv = new Ajv({ allErrors: false, strict: false });
  for (const policy of policies) {
    if (!policy.configSchema) {
      continue;
    }
    const validate = ajv.compile({ type: "object", properties: policy.configSchema.properties, required: policy.configSchema.required });
    if (!validate(result[policy.name].properties)) {
      const err = validate.errors?.[0];
      const field = err?.instancePath ? `${policy.name}${err.instancePath.replace(/\//g, ".")}` : policy.name;
      throw new CheckError(`${file}: field '${field}' ${err?.message ?? "is invalid"}; see the policy's config schema`);
    }
  }
  return result;
}
