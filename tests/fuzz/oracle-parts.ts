/**
 * What the oracle generators share: the verdict types, how several mutations combine, and the
 * pipeline pieces (actions, artifact stores, noise) that no core policy decides on.
 */
import fc from "fast-check";
import { unknown } from "../policy/harness";
import type { StackMember } from "./engine";
import type { PolicyInput } from "./generators";
import { secretOf, type Wire } from "./values";

/** What a policy says about one input: a violation, nothing, or only `[undecided]` notes. */
export type Verdict = "fires" | "silent" | "undecided";

/** One input with the verdict the policy must reach on it. */
export interface OracleCase<T> {
  readonly input: T;
  readonly expected: Verdict;
  /** For a stack policy that fires: the URN every violation must name. */
  readonly on?: string;
  /** The base, the mutations and the noise the generator applied, for the failure report. */
  readonly story: readonly string[];
}

/** An oracle case with the policy config it runs under. */
export type OracleInput<T> = PolicyInput<OracleCase<T>>;

/** Objects under construction; the wire form's types are read-only. */
export type Mut = { [key: string]: Wire };

/** The account every generated ARN names. */
export const ACCOUNT = "123456789012";
/** The pipeline resource type token. */
export const PIPELINE = "aws:codepipeline/pipeline:Pipeline";

/** The verdict of several mutations: one violation is enough to fire; else an unknown leaves it undecided. */
export function combined(verdicts: readonly Verdict[]): Verdict {
  return verdicts.includes("fires") ? "fires" : verdicts.includes("undecided") ? "undecided" : "silent";
}

/** A pipeline action; `configuration` is left out when undefined, as some actions have none. */
export function action(category: string, owner: string, provider: string, configuration: Mut | undefined, name: string): Mut {
  const result: Mut = { name, category, owner, provider, version: "1" };
  if (configuration !== undefined) {
    result.configuration = configuration;
  }
  return result;
}

/**
 * Actions that no core policy objects to: connection, CodeCommit and S3 sources, builds, approvals,
 * and third-party actions that are not GitHub (test and build partners).
 */
export const neutralAction: fc.Arbitrary<Mut> = fc
  .tuple(
    fc.constantFrom("connection", "codecommit", "s3", "codebuild", "approval", "third-party", "custom"),
    fc.nat({ max: 99 }),
    fc.constantFrom<Wire>("main", "release", unknown, secretOf("main")),
  )
  .map(([kind, n, branch]) => {
    switch (kind) {
      case "connection":
        return action(
          "Source",
          "AWS",
          "CodeStarSourceConnection",
          { ConnectionArn: unknown, FullRepositoryId: `acme/app-${n}`, BranchName: branch },
          `Source${n}`,
        );
      case "codecommit":
        return action("Source", "AWS", "CodeCommit", { RepositoryName: `noise-repo-${n}`, BranchName: branch }, `Commit${n}`);
      case "s3":
        return action("Source", "AWS", "S3", { S3Bucket: `drop-${n}`, S3ObjectKey: "app.zip" }, `Drop${n}`);
      case "codebuild":
        return action("Build", "AWS", "CodeBuild", { ProjectName: n % 2 === 0 ? `build-${n}` : unknown }, `Build${n}`);
      case "approval":
        return action("Approval", "AWS", "Manual", n % 2 === 0 ? undefined : { CustomData: "ship it?" }, `Approve${n}`);
      case "third-party":
        // ThirdParty is an owner of many partner actions; only its GitHub provider is version 1.
        return action(
          "Test",
          "ThirdParty",
          ["GhostInspector", "Runscope", "BlazeMeter", "StormRunnerLoad"][n % 4],
          { ApiKey: secretOf("k") },
          `Partner${n}`,
        );
      default:
        return action("Build", "Custom", "Jenkins", { ProjectName: `job-${n}` }, `Jenkins${n}`);
    }
  });

/** Pipeline inputs the core policies do not read. */
export const pipelineNoise = fc.record(
  {
    roleArn: fc.constantFrom<Wire>(`arn:aws:iam::${ACCOUNT}:role/pipeline`, unknown),
    pipelineType: fc.constantFrom<Wire>("V2", "V1"),
    executionMode: fc.constantFrom<Wire>("QUEUED", "SUPERSEDED"),
    tags: fc.constantFrom<Wire>({ team: "platform" }, { "compliance:owner": "ops" }, {}),
    variables: fc.constantFrom<Wire>([{ name: "Stage", defaultValue: "dev" }], []),
  },
  { requiredKeys: [] },
);

/** Adds the noise inputs to `props` (in place) and returns it. */
export function withNoise(props: Mut, noise: Readonly<Record<string, Wire>>): Mut {
  for (const [key, value] of Object.entries(noise)) {
    props[key] = value;
  }
  return props;
}

/** Artifact store inputs no core policy decides on: location and encryption key. */
export const storeNoise = fc.record({
  location: fc.constantFrom<Wire>("artifacts", "artifacts-replica", unknown),
  encryptionKey: fc.option(
    fc.constantFrom<Wire>({ id: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k`, type: "KMS" }, { id: unknown, type: "KMS" }),
    { nil: undefined },
  ),
});

/** An S3 artifact store, with `region` only when given. */
export function store(noise: { location: Wire; encryptionKey?: Wire }, region?: Wire): Mut {
  const result: Mut = { location: noise.location, type: "S3" };
  if (noise.encryptionKey !== undefined) {
    result.encryptionKey = noise.encryptionKey;
  }
  if (region !== undefined) {
    result.region = region;
  }
  return result;
}

/** A stack member; `dependencies` maps an input to the URNs its value came from. */
export function member(type: string, name: string, props: Mut, dependencies: Record<string, string[]> = {}): StackMember {
  return { type, name, props, dependencies };
}
