import { accessSync, constants, existsSync } from "node:fs";
import { delimiter, join } from "node:path";

/** True when an executable named `command` is on the PATH of `env` (synchronous: used at module load). */
export function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

export function hasCredentials(env: NodeJS.ProcessEnv): boolean {
  return Boolean(
    (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) || env.AWS_PROFILE || (env.AWS_WEB_IDENTITY_TOKEN_FILE && env.AWS_ROLE_ARN),
  );
}

export function hasOutputs(env: NodeJS.ProcessEnv, exists: (file: string) => boolean, pulumiOnPath: boolean): boolean {
  if (env.PIPELINE_OUTPUTS_FILE) return exists(env.PIPELINE_OUTPUTS_FILE);
  return Boolean(env.PIPELINE_STACK) && pulumiOnPath;
}

export interface Readiness {
  ready: boolean;
  /** One line naming what is missing; empty when ready. */
  reason: string;
}

const NO_CREDENTIALS =
  "no AWS credentials (set AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_WEB_IDENTITY_TOKEN_FILE/AWS_ROLE_ARN)";

function outputsProblem(env: NodeJS.ProcessEnv, pulumiOnPath: boolean): string {
  if (env.PIPELINE_OUTPUTS_FILE) return `no stack outputs (PIPELINE_OUTPUTS_FILE=${env.PIPELINE_OUTPUTS_FILE} does not exist)`;
  if (!pulumiOnPath) return "no stack outputs (set PIPELINE_OUTPUTS_FILE or install the pulumi CLI and set PIPELINE_STACK)";
  return "no stack outputs (set PIPELINE_STACK for the pulumi CLI, or PIPELINE_OUTPUTS_FILE)";
}

/** Whether the live suite can run against a deployed stack, decided from the environment alone. */
export function liveReadiness(
  env: NodeJS.ProcessEnv,
  exists: (file: string) => boolean = existsSync,
  pulumiOnPath: boolean = onPath("pulumi", env),
): Readiness {
  const missing: string[] = [];
  if (!hasCredentials(env)) missing.push(NO_CREDENTIALS);
  if (!hasOutputs(env, exists, pulumiOnPath)) missing.push(outputsProblem(env, pulumiOnPath));
  return missing.length === 0 ? { ready: true, reason: "" } : { ready: false, reason: `live suite skipped: ${missing.join(" and ")}` };
}
