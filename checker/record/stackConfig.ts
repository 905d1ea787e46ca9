// Stack configuration as the language host hands it to a program: PULUMI_CONFIG is a JSON object of
// "namespace:key" -> string, PULUMI_CONFIG_SECRET_KEYS lists the secret ones.
import * as fs from "fs";
import * as path from "path";
import { CheckError } from "../errors";
import { readYaml } from "./text";

export interface StackConfig {
  values: Record<string, string>;
  secretKeys: string[];
}

/** Offline there is no passphrase or service to decrypt `secure:` values; programs get this stand-in. */
export const SECRET_PLACEHOLDER = "offline-secret-value";

function qualify(key: string, project: string): string {
  return key.includes(":") ? key : `${project}:${key}`;
}

function asConfigString(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The `config:` of `Pulumi.<stack>.yaml` alone: keys qualified by the project, `secure:` values as the placeholder. */
export function stackFileConfig(projectDir: string, stack: string, project: string): StackConfig {
  const file = path.join(projectDir, `Pulumi.${stack}.yaml`);
  const result: StackConfig = { values: {}, secretKeys: [] };
  if (!fs.existsSync(file)) {
    return result;
  }
  const doc = readYaml(file);
  const config = doc && typeof doc === "object" ? (doc as Record<string, unknown>).config : undefined;
  if (config === undefined || config === null) {
    return result;
  }
  if (typeof config !== "object" || Array.isArray(config)) {
    throw new CheckError(`${file}: field 'config' must be a mapping of key: value`);
  }
  for (const [key, value] of Object.entries(config)) {
    const qualified = qualify(key, project);
    const secure = value && typeof value === "object" && "secure" in value;
    result.values[qualified] = secure ? SECRET_PLACEHOLDER : asConfigString(value);
    if (secure) {
      result.secretKeys.push(qualified);
    }
  }
  return result;
}

/**
 * Config declared in Pulumi.yaml: a scalar or `value:` is a project-wide value, `default:` applies
 * only when the stack sets nothing. The CLI merges both before the program runs.
 */
function readProjectConfig(projectDir: string, project: string): { values: Record<string, string>; defaults: Record<string, string> } {
  const file = path.join(projectDir, "Pulumi.yaml");
  const result = { values: {} as Record<string, string>, defaults: {} as Record<string, string> };
  if (!fs.existsSync(file)) {
    return result;
  }
  const doc = readYaml(file);
  const config = doc && typeof doc === "object" ? (doc as Record<string, unknown>).config : undefined;
  if (!config || typeof config !== "object" || Array.isArray(config)) {
    return result;
  }
  for (const [key, decl] of Object.entries(config)) {
    const qualified = qualify(key, project);
    if (decl === null || typeof decl !== "object" || Array.isArray(decl)) {
      result.values[qualified] = asConfigString(decl);
    } else if ("value" in decl) {
      result.values[qualified] = asConfigString((decl as { value: unknown }).value);
    } else if ("default" in decl) {
      result.defaults[qualified] = asConfigString((decl as { default: unknown }).default);
    }
  }
  return result;
}

export function parseConfigFlag(flag: string, project: string): [string, string] {
  const eq = flag.indexOf("=");
  if (eq <= 0) {
    throw new CheckError(`--config ${flag}: expected key=value (for example --config aws:region=us-east-1)`);
  }
  return [qualify(flag.slice(0, eq), project), flag.slice(eq + 1)];
}

export function stackConfig(projectDir: string, stack: string, project: string, flags: string[]): StackConfig {
  const declared = readProjectConfig(projectDir, project);
  const fromStack = stackFileConfig(projectDir, stack, project);
  const config: StackConfig = {
    values: { ...declared.defaults, ...declared.values, ...fromStack.values },
    secretKeys: fromStack.secretKeys,
  };
  for (const flag of flags) {
    const [key, value] = parseConfigFlag(flag, project);
    config.values[key] = value;
    config.secretKeys = config.secretKeys.filter((k) => k !== key);
  }
  return config;
}
