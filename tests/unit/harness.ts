// Runs the real program under Pulumi mocks (the checker's recorder) in preview mode and records what it registers.
import type { MockAnswers } from "../../checker/record/inProcess";
import { stackFileConfig as readStackFile } from "../../checker/record/stackConfig";
import { UNKNOWN } from "../../model/sentinels";
import { PROJECT, recordReferenceStack, ROOT, ROOT_STACK } from "../referenceStack";

export { PROJECT };
export const ACCOUNT = "123456789012";
const REGION = "us-east-1";

export interface RecordedResource {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  /** The state the mock answered with (inputs plus the computed names and ARNs). */
  state: Record<string, unknown>;
  urn: string;
  /** URN of the parent, or "" for a resource at the stack's root. */
  parentUrn: string;
  /** The resource option, as the engine receives it. */
  deleteBeforeReplace: boolean;
}

export interface ProgramRun {
  resources: RecordedResource[];
  outputs: Record<string, unknown>;
  invokes: string[];
}

/** The `config:` map of Pulumi.<stack>.yaml, as the engine hands it to the program (strings). */
export function stackFileConfig(stack: string): Record<string, string> {
  return readStackFile(ROOT, stack, PROJECT).values;
}

// The ARNs AWS gives the types policy documents refer to, so a test can compare an ARN the program built
// from a name with the one the resource reports. Other types get a plausible regional ARN.
function arnOf(type: string, physical: string, inputs: Record<string, unknown>): string {
  const regional = (service: string, resource: string): string => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;
  switch (type) {
    case "aws:s3/bucket:Bucket":
      return `arn:aws:s3:::${physical}`;
    case "aws:iam/role:Role":
      return `arn:aws:iam::${ACCOUNT}:role/${physical}`;
    case "aws:ecr/repository:Repository":
      return regional("ecr", `repository/${physical}`);
    case "aws:cloudwatch/logGroup:LogGroup":
      return regional("logs", `log-group:${physical}`);
    case "aws:codebuild/project:Project":
      return regional("codebuild", `project/${physical}`);
    case "aws:codepipeline/pipeline:Pipeline":
      return regional("codepipeline", physical);
    case "aws:ecs/cluster:Cluster":
      return regional("ecs", `cluster/${physical}`);
    case "aws:ecs/service:Service":
      return regional("ecs", `service/${String(inputs.cluster).split("/").pop()}/${physical}`);
    case "aws:sns/topic:Topic":
      return regional("sns", physical);
    case "aws:cloudwatch/eventRule:EventRule":
      return regional("events", `rule/${physical}`);
    default:
      return regional(type.split(":")[1].split("/")[0], physical);
  }
}

// What the engine computes for a resource; enough for the program's cross-references.
function computedState(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
  const chosen = type === "aws:s3/bucket:Bucket" ? inputs.bucket : inputs.name;
  const physical = typeof chosen === "string" ? chosen : `${name}-a1b2c3d`;
  const state: Record<string, unknown> = { ...inputs, name: physical, arn: arnOf(type, physical, inputs) };
  if (type === "aws:s3/bucket:Bucket") state.bucket = physical;
  if (type === "aws:ecr/repository:Repository") state.repositoryUrl = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${physical}`;
  if (type === "aws:lb/loadBalancer:LoadBalancer") state.dnsName = `${physical}.${REGION}.elb.amazonaws.com`;
  if (type === "aws:kms/key:Key") state.keyId = `${physical}-key-id`;
  return state;
}

function unknownState(inputs: Record<string, unknown>, unknown: string): Record<string, unknown> {
  const computed = ["arn", "name", "bucket", "keyId", "repositoryUrl", "dnsName", "cidrBlock"];
  return { ...inputs, ...Object.fromEntries(computed.filter((k) => inputs[k] === undefined).map((k) => [k, unknown])) };
}

export interface RunOptions {
  /**
   * Answer like a first preview: every computed attribute (ARN, generated name, URL) unknown; invokes
   * are answered, as they are in a preview. Stack outputs are then not resolved.
   */
  unknownComputed?: boolean;
}

/**
 * Records `stack/index.ts` through the checker's recorder, in a fresh module registry with the given
 * stack's config, the mocks answering with computed attributes; resolves once every registration has finished.
 */
export async function runProgram(stack: string, config: Record<string, string>, options: RunOptions = {}): Promise<ProgramRun> {
  // What the mocks were handed and answered, by type and name: the recording keeps the engine's view of the inputs.
  const answered = new Map<string, { inputs: Record<string, unknown>; state: Record<string, unknown> }>();
  const invokes: string[] = [];
  const answers: MockAnswers = {
    newResource: (args) => {
      const state = options.unknownComputed ? unknownState(args.inputs, UNKNOWN) : computedState(args.type, args.name, args.inputs);
      answered.set(`${args.type}::${args.name}`, { inputs: args.inputs, state });
      return { id: `${args.name}-id`, state };
    },
    call: (args) => {
      invokes.push(args.token);
      if (args.token === "aws:index/getCallerIdentity:getCallerIdentity") {
        if (options.unknownComputed) return { accountId: ACCOUNT };
        return { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/test`, userId: "AIDTEST", id: ACCOUNT };
      }
      if (args.token === "aws:index/getPartition:getPartition") {
        if (options.unknownComputed) return { partition: "aws", dnsSuffix: "amazonaws.com" };
        return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws", reverseDnsPrefix: "com.amazonaws" };
      }
      throw new Error(`unexpected invoke ${args.token}`);
    },
  };
  const { recording, outputs } = await recordReferenceStack(stack, { values: config, secretKeys: [] }, answers);
  const root = recording.resources.find((r) => r.type === ROOT_STACK)?.urn;
  // Only what the program registered: the root stack and the engine's default providers are the recorder's.
  const resources = recording.resources.flatMap((r): RecordedResource[] => {
    const mocked = r.type === ROOT_STACK ? undefined : answered.get(`${r.type}::${r.name}`);
    if (!mocked) return [];
    const parentUrn = r.parent === root ? "" : r.parent;
    return [{ type: r.type, name: r.name, ...mocked, urn: r.urn, parentUrn, deleteBeforeReplace: r.options.deleteBeforeReplace ?? false }];
  });
  return { resources, outputs: options.unknownComputed ? {} : outputs, invokes };
}

/** Resources of one type, in registration order. */
export function ofType(run: ProgramRun, type: string): RecordedResource[] {
  return run.resources.filter((r) => r.type === type);
}

/** The only resource of a type; fails the test if there is not exactly one. */
export function single(run: ProgramRun, type: string): RecordedResource {
  const found = ofType(run, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0];
}

/** The only resource of a type whose logical name starts with `prefix` (one component's child). */
export function singleOf(run: ProgramRun, type: string, prefix: string): RecordedResource {
  const found = ofType(run, type).filter((r) => r.name.startsWith(prefix));
  if (found.length !== 1) throw new Error(`expected one ${type} named ${prefix}*, found ${found.length}`);
  return found[0];
}

/** A JSON input (policy, container definitions, event pattern) parsed. */
export function json<T = unknown>(value: unknown): T {
  if (typeof value !== "string") throw new Error(`expected a JSON string, got ${typeof value}`);
  return JSON.parse(value) as T;
}

export interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: string | string[];
  Principal?: Record<string, string | string[]> | string;
  Condition?: Record<string, Record<string, unknown>>;
}

/** The statements of a policy document input (`policy` or `assumeRolePolicy`). */
export function statementsOf(document: unknown): Statement[] {
  return json<{ Statement: Statement[] }>(document).Statement;
}

export const asList = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);

/** The standard tags of an environment, as stack/tags.ts promises them. */
export const tagsOf = (environment: string): Record<string, string> => ({ project: PROJECT, environment, "managed-by": "pulumi" });
