// Runs the real program under Pulumi mocks in preview mode and records what it registers.
import * as path from "node:path";
import type * as pulumiModule from "@pulumi/pulumi";
import { stackFileConfig as readStackFile } from "../../checker/record/stackConfig";

export const PROJECT = "pipeline-compliance-kit";
export const ACCOUNT = "123456789012";
const REGION = "us-east-1";
const ROOT = path.resolve(__dirname, "../..");

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

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getDeletebeforereplace(): boolean;
}
type Register = (req: RegisterRequest, callback: unknown) => void;

export interface RunOptions {
  /**
   * Answer like a first preview: every computed attribute (ARN, generated name, URL) unknown; invokes
   * are answered, as they are in a preview. Stack outputs are then not resolved.
   */
  unknownComputed?: boolean;
}

/**
 * Loads `stack/index.ts` in a fresh module registry with the given stack's config and resolves once every
 * resource registration has finished.
 */
export async function runProgram(stack: string, config: Record<string, string>, options: RunOptions = {}): Promise<ProgramRun> {
  const resources: RecordedResource[] = [];
  const parents = new Map<string, string>();
  const deleteFirst = new Set<string>();
  const invokes: string[] = [];
  const outputs: Record<string, unknown> = {};
  await jest.isolateModulesAsync(async () => {
    const pulumi: typeof pulumiModule = await import("@pulumi/pulumi");
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          const inputs = args.inputs as Record<string, unknown>;
          const state = options.unknownComputed
            ? unknownState(inputs, pulumi.runtime.unknownValue)
            : computedState(args.type, args.name, inputs);
          resources.push({ type: args.type, name: args.name, inputs, state, urn: "", parentUrn: "", deleteBeforeReplace: false });
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
      },
      PROJECT,
      stack,
      true,
    );
    pulumi.runtime.setAllConfig(config);

    // The mock API does not pass the parent to newResource; the monitor's request carries it.
    const monitor = pulumi.runtime.getMonitor() as unknown as { registerResource: Register };
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, callback) => {
      parents.set(`${req.getType()}::${req.getName()}`, req.getParent());
      if (req.getDeletebeforereplace()) deleteFirst.add(`${req.getType()}::${req.getName()}`);
      register(req, callback);
    };

    const program = (await import("../../stack/index")) as Record<string, unknown>;
    for (const [key, value] of Object.entries(program)) {
      if (options.unknownComputed) break;
      outputs[key] = pulumi.Output.isInstance(value) ? await new Promise((resolve) => value.apply((v: unknown) => resolve(v))) : value;
    }
    await pulumi.runtime.disconnect();
  });
  for (const resource of resources) {
    const parentUrn = parents.get(`${resource.type}::${resource.name}`) ?? "";
    resource.parentUrn = parentUrn;
    resource.deleteBeforeReplace = deleteFirst.has(`${resource.type}::${resource.name}`);
    resource.urn = urnOf(stack, resource.type, resource.name, parentUrn);
  }
  return { resources, outputs, invokes };
}

// The mock monitor's URN scheme: the parent's type chain, then the resource's type and name.
function urnOf(stack: string, type: string, name: string, parentUrn: string): string {
  const qualified = parentUrn === "" ? type : `${parentUrn.split("::")[2]}$${type}`;
  return `urn:pulumi:${stack}::${PROJECT}::${qualified}::${name}`;
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
