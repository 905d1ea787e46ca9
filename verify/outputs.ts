import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileProblem } from "../checker/errors";
import { CannotRunError } from "./errors";

/** The reference program's stack outputs (docs/architecture.md, "Stack outputs"). */
export interface StackOutputs {
  region: string;
  kmsKeyArn: string;
  kmsKeyAlias: string;
  artifactBucketName: string;
  ecrRepositoryName: string;
  ecrRepositoryUrl: string;
  connectionArn: string;
  buildProjectName: string;
  testProjectName: string;
  buildLogGroupName: string;
  testLogGroupName: string;
  pipelineName: string;
  pipelineConsoleUrl: string;
  clusterName: string;
  serviceName: string;
  serviceUrl: string;
  ecsLogGroupName: string;
  notificationTopicArn: string;
  pipelineFailureRuleName: string;
  approvalRequired: boolean;
}

export type StringKey = Exclude<keyof StackOutputs, "approvalRequired">;

const STRING_KEYS: readonly StringKey[] = [
  "region",
  "kmsKeyArn",
  "kmsKeyAlias",
  "artifactBucketName",
  "ecrRepositoryName",
  "ecrRepositoryUrl",
  "connectionArn",
  "buildProjectName",
  "testProjectName",
  "buildLogGroupName",
  "testLogGroupName",
  "pipelineName",
  "pipelineConsoleUrl",
  "clusterName",
  "serviceName",
  "serviceUrl",
  "ecsLogGroupName",
  "notificationTopicArn",
  "pipelineFailureRuleName",
];

const CONTRACT = 'docs/architecture.md, "Stack outputs"';

/**
 * Validates a parsed outputs object up front, so missing keys are reported by name rather than as AWS
 * errors. Every missing key is named at once: an outputs file from an older program lacks several.
 */
export function parseOutputs(raw: unknown, source: string): StackOutputs {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new CannotRunError(`${source}: stack outputs must be a JSON object of output names to values`);
  }
  const record = raw as Record<string, unknown>;
  const missing = [...STRING_KEYS, "approvalRequired"].filter((key) => record[key] === undefined);
  if (missing.length === 1) {
    throw new CannotRunError(`${source}: missing key '${missing[0]}'; the stack program must export it (${CONTRACT})`);
  }
  if (missing.length > 1) {
    const names = missing.map((key) => `'${key}'`).join(", ");
    throw new CannotRunError(`${source}: missing ${missing.length} keys ${names}; the stack program must export them (${CONTRACT})`);
  }
  const outputs: Partial<StackOutputs> = {};
  for (const key of STRING_KEYS) {
    const value = record[key];
    if (typeof value !== "string" || value === "") {
      throw new CannotRunError(`${source}: '${key}' must be a non-empty string, got ${JSON.stringify(value)}`);
    }
    outputs[key] = value;
  }
  const approval = record.approvalRequired;
  if (typeof approval !== "boolean") {
    throw new CannotRunError(`${source}: 'approvalRequired' must be true or false, got ${JSON.stringify(approval)}`);
  }
  return { ...(outputs as Omit<StackOutputs, "approvalRequired">), approvalRequired: approval };
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CannotRunError(`${source}: not valid JSON (${(error as Error).message})`);
  }
}

export function readOutputsFile(file: string): StackOutputs {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new CannotRunError(`${file}: ${fileProblem(error)} (the stack outputs file)`);
  }
  return parseOutputs(parseJson(text, file), file);
}

export function readOutputsFromPulumi(stack: string, env: NodeJS.ProcessEnv): StackOutputs {
  const source = `pulumi stack output --stack ${stack}`;
  const result = spawnSync("pulumi", ["stack", "output", "--json", "--show-secrets", "--stack", stack], {
    env,
    encoding: "utf8",
  });
  if (result.error) {
    throw new CannotRunError(
      "no stack outputs: the pulumi CLI is not on PATH; set PIPELINE_OUTPUTS_FILE or pass --outputs FILE " +
        "(write it with `pulumi stack output --json --show-secrets > outputs.json`)",
    );
  }
  if (result.status !== 0) {
    const reason = result.stderr.trim().split("\n")[0];
    throw new CannotRunError(`${source} failed (exit ${result.status}): ${reason}`);
  }
  return parseOutputs(parseJson(result.stdout, source), source);
}

export interface OutputsSource {
  env: NodeJS.ProcessEnv;
  outputsFile?: string;
  stack?: string;
}

/**
 * PIPELINE_OUTPUTS_FILE is checked first so CI and the live suite can pin the outputs for every caller,
 * then --outputs, then the pulumi CLI for the named stack.
 */
export function loadOutputs({ env, outputsFile, stack }: OutputsSource): StackOutputs {
  const file = env.PIPELINE_OUTPUTS_FILE || outputsFile;
  if (file) return readOutputsFile(file);
  if (stack) return readOutputsFromPulumi(stack, env);
  throw new CannotRunError("no stack outputs: pass --stack NAME (needs the pulumi CLI), --outputs FILE, or set PIPELINE_OUTPUTS_FILE");
}
