/**
 * Inputs with a known answer for the five core policies. Each input starts from a base that passes
 * the policy, gets at most the mutations recorded with it (each says whether it makes the policy
 * fire, or leaves it undecided because a value it needs is unknown during preview, or changes
 * nothing), and then neutral noise: values the policy does not read, or reads without the verdict
 * depending on them. The generator therefore knows the verdict of everything it builds.
 */
import fc from "fast-check";
import { unknown, urnOf } from "../policy/harness";
import type { ResourceInput, StackMember } from "./engine";
import type { PolicyInput } from "./generators";
import { secretOf, type Wire } from "./values";

/** What a policy says about one input: a violation, nothing, or only `[undecided]` notes. */
export type Verdict = "fires" | "silent" | "undecided";

export interface OracleCase<T> {
  readonly input: T;
  readonly expected: Verdict;
  /** For a stack policy that fires: the URN every violation must name. */
  readonly on?: string;
  /** The base, the mutations and the noise the generator applied, for the failure report. */
  readonly story: readonly string[];
}

export type OracleInput<T> = PolicyInput<OracleCase<T>>;

/** Objects under construction; the wire form's types are read-only. */
type Mut = { [key: string]: Wire };

const ACCOUNT = "123456789012";
const PIPELINE = "aws:codepipeline/pipeline:Pipeline";

/** The verdict of several mutations: one violation is enough to fire; else an unknown leaves it undecided. */
function combined(verdicts: readonly Verdict[]): Verdict {
  return verdicts.includes("fires") ? "fires" : verdicts.includes("undecided") ? "undecided" : "silent";
}

function action(category: string, owner: string, provider: string, configuration: Mut | undefined, name: string): Mut {
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
const neutralAction: fc.Arbitrary<Mut> = fc
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
const pipelineNoise = fc.record(
  {
    roleArn: fc.constantFrom<Wire>(`arn:aws:iam::${ACCOUNT}:role/pipeline`, unknown),
    pipelineType: fc.constantFrom<Wire>("V2", "V1"),
    executionMode: fc.constantFrom<Wire>("QUEUED", "SUPERSEDED"),
    tags: fc.constantFrom<Wire>({ team: "platform" }, { "compliance:owner": "ops" }, {}),
    variables: fc.constantFrom<Wire>([{ name: "Stage", defaultValue: "dev" }], []),
  },
  { requiredKeys: [] },
);

function withNoise(props: Mut, noise: Readonly<Record<string, Wire>>): Mut {
  for (const [key, value] of Object.entries(noise)) {
    props[key] = value;
  }
  return props;
}

// ---------------------------------------------------------------------------------------------
// codepipeline-artifact-store-region
// ---------------------------------------------------------------------------------------------

const REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2", "us-west-2", "eu-central-1"];
/** A region no generated store uses. */
const ELSEWHERE = "sa-east-1";

const storeNoise = fc.record({
  location: fc.constantFrom<Wire>("artifacts", "artifacts-replica", unknown),
  encryptionKey: fc.option(
    fc.constantFrom<Wire>({ id: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k`, type: "KMS" }, { id: unknown, type: "KMS" }),
    { nil: undefined },
  ),
});

function store(noise: { location: Wire; encryptionKey?: Wire }, region?: Wire): Mut {
  const result: Mut = { location: noise.location, type: "S3" };
  if (noise.encryptionKey !== undefined) {
    result.encryptionKey = noise.encryptionKey;
  }
  if (region !== undefined) {
    result.region = region;
  }
  return result;
}

type SingleMutation = "none" | "region" | "container-unknown" | "store-unknown";
type CrossMutation =
  | "none"
  | "drop-region"
  | "duplicate-region"
  | "own-region-elsewhere"
  | "own-region-unknown"
  | "own-store-region-unknown"
  | "other-store-region-unknown";

const SINGLE_VERDICTS: Readonly<Record<SingleMutation, Verdict>> = {
  none: "silent",
  region: "fires",
  "container-unknown": "undecided",
  "store-unknown": "undecided",
};

const CROSS_VERDICTS: Readonly<Record<CrossMutation, Verdict>> = {
  none: "silent",
  "drop-region": "fires",
  "duplicate-region": "fires",
  "own-region-elsewhere": "fires",
  "own-region-unknown": "undecided",
  "own-store-region-unknown": "undecided",
  // The pipeline's own region is among the known ones, so another store's unknown region cannot matter.
  "other-store-region-unknown": "silent",
};

/** Pipelines with one artifact store or several across regions. */
export function artifactStoreRegionCases(): fc.Arbitrary<OracleInput<ResourceInput>> {
  const single = fc
    .record({
      store: storeNoise,
      mutation: fc.constantFrom<SingleMutation>("none", "region", "container-unknown", "store-unknown"),
      region: fc.constantFrom<Wire>(...REGIONS, unknown),
      // Where the pipeline's region comes from does not matter with one store.
      ownRegion: fc.option(fc.constantFrom<Wire>(...REGIONS, unknown), { nil: undefined }),
      providerRegion: fc.option(fc.constantFrom<Wire>(...REGIONS), { nil: undefined }),
      configRegion: fc.option(fc.constantFrom(...REGIONS, ""), { nil: undefined }),
      pipeline: pipelineNoise,
      stages: fc.array(neutralAction, { maxLength: 3 }),
    })
    .map(({ store: noise, mutation: applied, region, ownRegion, providerRegion, configRegion, pipeline, stages }) => {
      const one = store(noise, applied === "region" ? region : undefined);
      const props = withNoise({ name: "oracle-pipeline", stages: [{ name: "Source", actions: stages }] }, pipeline);
      props.artifactStores = applied === "container-unknown" ? unknown : [applied === "store-unknown" ? unknown : one];
      if (ownRegion !== undefined) {
        props.region = ownRegion;
      }
      const config: Mut = configRegion === undefined ? {} : { pipelineRegion: configRegion };
      const provider = providerRegion === undefined ? undefined : { region: providerRegion };
      const input: ResourceInput = { type: PIPELINE, name: "pipeline", props, provider };
      return { config, subject: { input, expected: SINGLE_VERDICTS[applied], story: ["one store", `mutation ${applied}`] } };
    });
  const cross = fc
    .record({
      regions: fc.shuffledSubarray(REGIONS, { minLength: 2, maxLength: 3 }),
      stores: fc.array(storeNoise, { minLength: 3, maxLength: 3 }),
      own: fc.nat(),
      source: fc.constantFrom("props", "provider", "config"),
      mutation: fc.constantFrom<CrossMutation>(
        "none",
        "drop-region",
        "duplicate-region",
        "own-region-elsewhere",
        "own-region-unknown",
        "own-store-region-unknown",
        "other-store-region-unknown",
      ),
      at: fc.nat(),
      // Noise in the places the region is not read from: a region set on the pipeline wins.
      providerNoise: fc.option(fc.constantFrom<Wire>(...REGIONS, unknown), { nil: undefined }),
      configNoise: fc.option(fc.constantFrom(...REGIONS, ""), { nil: undefined }),
      pipeline: pipelineNoise,
      stages: fc.array(neutralAction, { maxLength: 3 }),
    })
    .map(({ regions, stores: noise, own, source, mutation, at, providerNoise, configNoise, pipeline, stages }) => {
      const ownIndex = own % regions.length;
      const ownRegion = regions[ownIndex];
      const stores = regions.map((region, index) => store(noise[index], region));
      const other = (ownIndex + 1 + (at % (regions.length - 1))) % regions.length;
      const index = at % regions.length;
      let pipelineRegion: string = ownRegion;
      switch (mutation) {
        case "drop-region":
          delete stores[index].region;
          break;
        case "duplicate-region":
          stores[index].region = regions[(index + 1) % regions.length];
          break;
        case "own-region-elsewhere":
          pipelineRegion = ELSEWHERE;
          break;
        case "own-store-region-unknown":
          stores[ownIndex].region = unknown;
          break;
        case "other-store-region-unknown":
          stores[other].region = unknown;
          break;
      }
      const props = withNoise({ name: "oracle-pipeline", artifactStores: stores, stages: [{ name: "Source", actions: stages }] }, pipeline);
      let config: Mut = {};
      let provider: Mut | undefined;
      if (source === "props") {
        props.region = pipelineRegion;
        provider = providerNoise === undefined ? undefined : { region: providerNoise };
        config = configNoise === undefined ? {} : { pipelineRegion: configNoise };
      } else if (source === "provider") {
        provider = { region: pipelineRegion };
        config = configNoise === undefined ? {} : { pipelineRegion: configNoise };
      } else {
        config = { pipelineRegion };
      }
      if (mutation === "own-region-unknown") {
        props.region = unknown;
      }
      const input: ResourceInput = { type: PIPELINE, name: "pipeline", props, provider };
      const story = [
        `${regions.length} stores in ${regions.join(", ")}, pipeline region ${ownRegion} from ${source}`,
        `mutation ${mutation} at ${index}`,
      ];
      return { config, subject: { input, expected: CROSS_VERDICTS[mutation], story } };
    });
  return fc.oneof(single, cross);
}

// ---------------------------------------------------------------------------------------------
// codepipeline-no-github-v1-source
// ---------------------------------------------------------------------------------------------

type ActionMutation =
  "github-v1" | "github-v1-token" | "token" | "owner-unknown" | "provider-unknown" | "configuration-unknown" | "action-unknown";

const ACTION_VERDICTS: Readonly<Record<ActionMutation, Verdict>> = {
  "github-v1": "fires",
  "github-v1-token": "fires",
  // The key's presence is the finding, whatever its value.
  token: "fires",
  "owner-unknown": "undecided",
  "provider-unknown": "undecided",
  "configuration-unknown": "undecided",
  "action-unknown": "undecided",
};

const tokenValue = fc.constantFrom<Wire>("ghp_plain", secretOf("ghp_secret"), unknown, null, "");

function mutateAction(actions: Wire[], index: number, mutation: ActionMutation, token: Wire): void {
  const target = actions[index] as Mut;
  switch (mutation) {
    case "github-v1":
      actions[index] = action("Source", "ThirdParty", "GitHub", { Owner: "acme", Repo: "app", Branch: "main" }, String(target.name));
      break;
    case "github-v1-token":
      actions[index] = action(
        "Source",
        "ThirdParty",
        "GitHub",
        { Owner: "acme", Repo: "app", Branch: "main", OAuthToken: token },
        String(target.name),
      );
      break;
    case "token":
      target.configuration = { ...((target.configuration as Mut | undefined) ?? {}), OAuthToken: token };
      break;
    case "owner-unknown":
      target.owner = unknown;
      break;
    case "provider-unknown":
      target.provider = unknown;
      break;
    case "configuration-unknown":
      target.configuration = unknown;
      break;
    case "action-unknown":
      actions[index] = unknown;
      break;
  }
}

/** Pipelines of neutral actions; some actions turned into GitHub version 1 or made unknown, or whole lists unknown. */
export function noGitHubV1SourceCases(): fc.Arbitrary<OracleInput<ResourceInput>> {
  const actionMutation = fc.constantFrom<ActionMutation>(
    "github-v1",
    "github-v1-token",
    "token",
    "owner-unknown",
    "provider-unknown",
    "configuration-unknown",
    "action-unknown",
  );
  return fc
    .record({
      stages: fc.array(fc.array(neutralAction, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
      mode: fc.oneof(
        {
          weight: 6,
          arbitrary: fc
            .array(fc.tuple(fc.nat(), actionMutation, tokenValue), { maxLength: 3 })
            .map((mutations) => ({ kind: "actions" as const, mutations })),
        },
        { weight: 1, arbitrary: fc.nat().map((stage) => ({ kind: "stage-actions-unknown" as const, stage })) },
        { weight: 1, arbitrary: fc.constant({ kind: "stages-unknown" as const }) },
      ),
      pipeline: pipelineNoise,
      store: storeNoise,
    })
    .map(({ stages, mode, pipeline, store: noise }) => {
      const lists: Wire[][] = stages.map((actions) => [...actions]);
      const story: string[] = [`${lists.map((actions) => actions.length).join("+")} neutral actions`];
      const verdicts: Verdict[] = [];
      let stagesValue: Wire = lists.map((actions, s) => ({ name: `Stage${s}`, actions }));
      if (mode.kind === "stages-unknown") {
        stagesValue = unknown;
        verdicts.push("undecided");
        story.push("stages unknown");
      } else if (mode.kind === "stage-actions-unknown") {
        const s = mode.stage % lists.length;
        (stagesValue as Mut[])[s].actions = unknown;
        verdicts.push("undecided");
        story.push(`stage ${s} actions unknown`);
      } else {
        const positions = lists.flatMap((actions, s) => actions.map((_, a) => [s, a] as const));
        const used = new Set<number>();
        for (const [pick, mutation, token] of mode.mutations) {
          const position = pick % positions.length;
          // One mutation per action: a second on the same action could undo the first.
          if (!used.has(position)) {
            used.add(position);
            const [s, a] = positions[position];
            mutateAction(lists[s], a, mutation, token);
            verdicts.push(ACTION_VERDICTS[mutation]);
            story.push(`stage ${s} action ${a}: ${mutation}`);
          }
        }
      }
      const props = withNoise({ name: "oracle-pipeline", artifactStores: [store(noise)], stages: stagesValue }, pipeline);
      const input: ResourceInput = { type: PIPELINE, name: "pipeline", props };
      return { config: {}, subject: { input, expected: combined(verdicts), story } };
    });
}

// ---------------------------------------------------------------------------------------------
// s3-no-deprecated-inline-config
// ---------------------------------------------------------------------------------------------

const INLINE_FIELDS = [
  "versioning",
  "serverSideEncryptionConfiguration",
  "lifecycleRules",
  "acl",
  "grants",
  "corsRules",
  "logging",
  "website",
  "policy",
  "replicationConfiguration",
  "objectLockConfiguration",
  "accelerationStatus",
  "requestPayer",
];

/** Current S3 resources and their deprecated `...V2` tokens. */
const S3_TYPES: readonly (readonly [current: string, deprecated: string])[] = [
  ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"],
  ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"],
  [
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
  ],
  [
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
  ],
];

const inlineValue = fc.constantFrom<Wire>(
  { enabled: true },
  "private",
  [{ id: "expire", enabled: true }],
  unknown,
  secretOf("private"),
  0,
  false,
);

/**
 * Buckets and their configuration resources. Inline fields set to `null` or an empty list configure
 * nothing; on a configuration resource (a `BucketPolicy`'s `policy`) they are not the bucket's.
 */
export function noDeprecatedInlineConfigCases(): fc.Arbitrary<OracleInput<ResourceInput>> {
  return fc
    .record({
      types: fc.constantFrom(...S3_TYPES),
      deprecatedType: fc.boolean(),
      inline: fc.array(fc.tuple(fc.constantFrom(...INLINE_FIELDS), inlineValue), { maxLength: 3 }),
      empty: fc.array(fc.tuple(fc.constantFrom(...INLINE_FIELDS), fc.constantFrom<Wire>(null, [])), { maxLength: 3 }),
      noise: fc.record(
        {
          bucket: fc.constantFrom<Wire>("artifacts", unknown),
          forceDestroy: fc.boolean(),
          objectLockEnabled: fc.boolean(),
          tags: fc.constantFrom<Wire>({ team: "platform" }, {}),
          versioningConfiguration: fc.constant<Wire>({ status: "Enabled" }),
        },
        { requiredKeys: [] },
      ),
    })
    .map(({ types: [current, deprecated], deprecatedType, inline, empty, noise }) => {
      const props = withNoise({}, noise);
      const isBucket = current === "aws:s3/bucket:Bucket";
      const verdicts: Verdict[] = [deprecatedType ? "fires" : "silent"];
      const story = [`${deprecatedType ? deprecated : current}`];
      for (const [field, value] of empty) {
        props[field] = value;
        story.push(`${field} = ${JSON.stringify(value)}`);
      }
      for (const [field, value] of inline) {
        props[field] = value;
        // Only a bucket (current or V2) carries the deprecated inline inputs.
        verdicts.push(isBucket ? "fires" : "silent");
        story.push(`${field} set`);
      }
      const input: ResourceInput = { type: deprecatedType ? deprecated : current, name: "bucket", props };
      return { config: {}, subject: { input, expected: combined(verdicts), story } };
    });
}

// ---------------------------------------------------------------------------------------------
// ecs-deploy-target-in-stack
// ---------------------------------------------------------------------------------------------

interface DeployKind {
  readonly provider: string;
  readonly parentType: string;
  readonly childType: string;
  readonly parentKey: string;
  readonly childKey: string;
  readonly childNameInput: string;
  /** The child's input that refers to its parent. */
  readonly reference: string;
  readonly parentExternal: string;
  readonly childExternal: string;
  /** A known reference by ARN, where the provider's ARNs end in `/<name>`. */
  readonly arn?: (name: string) => string;
}

const DEPLOY_KINDS: readonly DeployKind[] = [
  {
    provider: "ECS",
    parentType: "aws:ecs/cluster:Cluster",
    childType: "aws:ecs/service:Service",
    parentKey: "ClusterName",
    childKey: "ServiceName",
    childNameInput: "name",
    reference: "cluster",
    parentExternal: "externalClusters",
    childExternal: "externalServices",
    arn: (name) => `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/${name}`,
  },
  {
    provider: "CodeDeployToECS",
    parentType: "aws:codedeploy/application:Application",
    childType: "aws:codedeploy/deploymentGroup:DeploymentGroup",
    parentKey: "ApplicationName",
    childKey: "DeploymentGroupName",
    childNameInput: "deploymentGroupName",
    reference: "appName",
    parentExternal: "externalApplications",
    childExternal: "externalDeploymentGroups",
  },
];

type DeployMutation =
  | "none"
  | "outputs"
  | "external"
  | "parent-missing"
  | "child-missing"
  | "parent-renamed"
  | "child-in-other-parent"
  | "parent-variable"
  | "child-variable"
  | "parent-name-unknown"
  | "reference-from-lookup"
  | "remote-component";

const DEPLOY_VERDICTS: Readonly<Record<DeployMutation, Verdict>> = {
  none: "silent",
  // Outputs are unknown at preview: the recommended form, and it passes.
  outputs: "silent",
  external: "silent",
  "parent-missing": "fires",
  "child-missing": "fires",
  "parent-renamed": "fires",
  "child-in-other-parent": "fires",
  "parent-variable": "undecided",
  "child-variable": "undecided",
  "parent-name-unknown": "undecided",
  "reference-from-lookup": "undecided",
  "remote-component": "undecided",
};

function member(type: string, name: string, props: Mut, dependencies: Record<string, string[]> = {}): StackMember {
  return { type, name, props, dependencies };
}

/** A pipeline variable, anywhere in the value: it resolves at run time. */
const pipelineVariable = fc.constantFrom(
  "#{variables.Target}",
  "app-#{SourceVariables.BranchName}",
  "#{codepipeline.PipelineExecutionId}-svc",
  "prefix-#{Deploy.Name}-suffix",
);

/** A stack of a pipeline deploying to a parent and child it creates, plus unrelated resources. */
export function deployTargetInStackCases(): fc.Arbitrary<OracleInput<StackMember[]>> {
  return fc
    .record({
      kind: fc.constantFrom(...DEPLOY_KINDS),
      n: fc.nat({ max: 99 }),
      referenceBy: fc.constantFrom("dependency", "name", "arn"),
      mutation: fc.constantFrom<DeployMutation>(
        "none",
        "outputs",
        "external",
        "parent-missing",
        "child-missing",
        "parent-renamed",
        "child-in-other-parent",
        "parent-variable",
        "child-variable",
        "parent-name-unknown",
        "reference-from-lookup",
        "remote-component",
      ),
      variable: pipelineVariable,
      otherParent: fc.boolean(),
      extraActions: fc.array(neutralAction, { maxLength: 3 }),
      extraMembers: fc.subarray(["bucket", "role", "logs", "topic"] as const),
      pipeline: pipelineNoise,
    })
    .map(({ kind, n, referenceBy, mutation, variable, otherParent, extraActions, extraMembers, pipeline }) => {
      // The remote component only creates ECS services.
      const applied: DeployMutation = mutation === "remote-component" && kind.provider !== "ECS" ? "child-missing" : mutation;
      const parentName = `app-${n}`;
      const childName = `svc-${n}`;
      const otherName = `batch-${n}`;
      const parentUrn = urnOf(kind.parentType, "parent");
      const otherUrn = urnOf(kind.parentType, "other-parent");
      const parent: Mut = {
        name: applied === "parent-renamed" ? `renamed-${n}` : applied === "parent-name-unknown" ? unknown : parentName,
      };
      const child: Mut = { [kind.childNameInput]: childName, desiredCount: 1 };
      const childDependencies: Record<string, string[]> = {};
      const by = referenceBy === "arn" && kind.arn === undefined ? "name" : referenceBy;
      const referTo = (name: string, urn: string) => {
        if (by === "dependency") {
          child[kind.reference] = unknown;
          childDependencies[kind.reference] = [urn];
        } else {
          child[kind.reference] = by === "arn" && kind.arn ? kind.arn(name) : name;
        }
      };
      if (applied === "child-in-other-parent") {
        referTo(otherName, otherUrn);
      } else if (applied === "reference-from-lookup") {
        child[kind.reference] = unknown;
      } else {
        referTo(parentName, parentUrn);
      }
      const configuration: Mut = { [kind.parentKey]: parentName, [kind.childKey]: childName };
      const config: Mut = {};
      switch (applied) {
        case "outputs":
          configuration[kind.parentKey] = unknown;
          configuration[kind.childKey] = unknown;
          break;
        case "external":
          configuration[kind.parentKey] = `shared-${n}`;
          configuration[kind.childKey] = `legacy-${n}`;
          config[kind.parentExternal] = [`shared-${n}`];
          config[kind.childExternal] = [`legacy-${n}`];
          break;
        case "parent-missing":
          configuration[kind.parentKey] = `ghost-${n}`;
          break;
        case "child-missing":
        case "remote-component":
          configuration[kind.childKey] = `ghost-svc-${n}`;
          break;
        case "parent-variable":
          configuration[kind.parentKey] = variable;
          break;
        case "child-variable":
          configuration[kind.childKey] = variable;
          break;
      }
      const deploy = action("Deploy", "AWS", kind.provider, configuration, "Deploy");
      const props = withNoise(
        {
          name: "oracle-pipeline",
          stages: [
            { name: "Source", actions: extraActions },
            { name: "Deploy", actions: [deploy] },
          ],
        },
        pipeline,
      );
      const pipelineMember = member(PIPELINE, "pipeline", props);
      const members: StackMember[] = [
        pipelineMember,
        member(kind.parentType, "parent", parent),
        member(kind.childType, "child", child, childDependencies),
      ];
      if (otherParent || applied === "child-in-other-parent") {
        members.push(member(kind.parentType, "other-parent", { name: otherName }));
      }
      if (applied === "remote-component") {
        members.push(member("awsx:ecs:FargateService", "web", { name: `web-${n}`, cluster: unknown }, { cluster: [parentUrn] }));
      }
      const extras: Record<(typeof extraMembers)[number], StackMember> = {
        bucket: member("aws:s3/bucket:Bucket", "artifacts", { bucket: unknown, forceDestroy: true }),
        role: member("aws:iam/role:Role", "pipeline-role", { name: `${parentName}-role`, assumeRolePolicy: "{}" }),
        logs: member("aws:cloudwatch/logGroup:LogGroup", "logs", { name: `/ecs/${childName}`, retentionInDays: 30 }),
        topic: member("aws:sns/topic:Topic", "alerts", { name: parentName }),
      };
      members.push(...extraMembers.map((extra) => extras[extra]));
      const story = [
        `${kind.provider} deploy to ${parentName}/${childName}, child refers by ${by}`,
        `mutation ${applied}`,
        `extras ${extraMembers.join(", ")}`,
      ];
      const expected = DEPLOY_VERDICTS[applied];
      return { config, subject: { input: members, expected, on: urnOf(PIPELINE, "pipeline"), story } };
    });
}

// ---------------------------------------------------------------------------------------------
// eventbridge-codecommit-rule-matches-source
// ---------------------------------------------------------------------------------------------

type RuleMutation =
  | "none"
  | "source-is-connection"
  | "source-owner-not-aws"
  | "names-other-repository"
  | "names-no-repository"
  | "pattern-unknown"
  | "pattern-source-unknown"
  | "target-unknown"
  | "repository-unknown"
  | "external-pipeline"
  | "external-pipeline-listed"
  | "notifies-only";

const RULE_VERDICTS: Readonly<Record<RuleMutation, Verdict>> = {
  none: "silent",
  "source-is-connection": "fires",
  // Only owner AWS with provider CodeCommit is a CodeCommit source.
  "source-owner-not-aws": "fires",
  "names-other-repository": "fires",
  "names-no-repository": "fires",
  "pattern-unknown": "undecided",
  "pattern-source-unknown": "undecided",
  "target-unknown": "undecided",
  "repository-unknown": "undecided",
  "external-pipeline": "undecided",
  "external-pipeline-listed": "silent",
  "notifies-only": "silent",
};

const RULE = "aws:cloudwatch/eventRule:EventRule";
const TARGET = "aws:cloudwatch/eventTarget:EventTarget";

/** A CodeCommit-sourced pipeline started by a rule scoped to its repository, plus unrelated rules and targets. */
export function codeCommitRuleMatchesSourceCases(): fc.Arbitrary<OracleInput<StackMember[]>> {
  return fc
    .record({
      n: fc.nat({ max: 99 }),
      scopeBy: fc.constantFrom("resources", "detail", "both"),
      encoded: fc.boolean(),
      ruleBy: fc.constantFrom("dependency", "name"),
      pipelineBy: fc.constantFrom("dependency", "arn"),
      mutation: fc.constantFrom<RuleMutation>(
        "none",
        "source-is-connection",
        "source-owner-not-aws",
        "names-other-repository",
        "names-no-repository",
        "pattern-unknown",
        "pattern-source-unknown",
        "target-unknown",
        "repository-unknown",
        "external-pipeline",
        "external-pipeline-listed",
        "notifies-only",
      ),
      otherOwner: fc.constantFrom("ThirdParty", "Custom"),
      detailType: fc.constantFrom<Wire>(["CodeCommit Repository State Change"], ["CodeCommit Pull Request State Change"]),
      filter: fc.boolean(),
      extraActions: fc.array(
        neutralAction.filter((a) => a.provider !== "CodeCommit"),
        { maxLength: 2 },
      ),
      notifyToo: fc.boolean(),
      otherRule: fc.boolean(),
      pipeline: pipelineNoise,
    })
    .map(
      ({
        n,
        scopeBy,
        encoded,
        ruleBy,
        pipelineBy,
        mutation,
        otherOwner,
        detailType,
        filter,
        extraActions,
        notifyToo,
        otherRule,
        pipeline,
      }) => {
        const repository = `repo-${n}`;
        const pipelineName = `deliver-${n}`;
        const pipelineUrn = urnOf(PIPELINE, "pipeline");
        const ruleUrn = urnOf(RULE, "on-push");
        const source =
          mutation === "source-is-connection"
            ? action(
                "Source",
                "AWS",
                "CodeStarSourceConnection",
                { ConnectionArn: unknown, FullRepositoryId: `acme/${repository}` },
                "Source",
              )
            : action(
                "Source",
                mutation === "source-owner-not-aws" ? otherOwner : "AWS",
                "CodeCommit",
                { RepositoryName: mutation === "repository-unknown" ? unknown : repository },
                "Source",
              );
        const pipelineProps = withNoise(
          {
            name: pipelineName,
            stages: [
              { name: "Source", actions: [source] },
              { name: "Build", actions: extraActions },
            ],
          },
          pipeline,
        );
        const named = mutation === "names-other-repository" ? `other-${n}` : repository;
        const pattern: Mut = { source: mutation === "pattern-source-unknown" ? [unknown] : ["aws.codecommit"], "detail-type": detailType };
        if (mutation !== "names-no-repository") {
          if (scopeBy !== "detail") {
            pattern.resources = [`arn:aws:codecommit:us-east-1:${ACCOUNT}:${named}`];
          }
          if (scopeBy !== "resources") {
            // A content filter matches something not literal; the literal names are what count.
            pattern.detail = { repositoryName: filter ? [named, { prefix: "repo-" }] : [named], referenceType: ["branch"] };
          }
        }
        // Inside a JSON string the unknown sentinel is plain text: only the object form can carry an unknown.
        const eventPattern: Wire =
          mutation === "pattern-unknown" ? unknown : encoded && mutation !== "pattern-source-unknown" ? JSON.stringify(pattern) : pattern;
        const ruleName = `on-push-${n}`;
        const members: StackMember[] = [
          member("aws:codecommit/repository:Repository", "repo", { repositoryName: repository }),
          member(PIPELINE, "pipeline", pipelineProps),
          member(RULE, "on-push", { name: ruleName, eventPattern, description: "start the pipeline" }),
        ];
        const config: Mut = {};
        const target: Mut = {};
        const targetDependencies: Record<string, string[]> = {};
        if (ruleBy === "dependency") {
          target.rule = unknown;
          targetDependencies.rule = [ruleUrn];
        } else {
          target.rule = ruleName;
        }
        if (mutation === "target-unknown") {
          target.arn = unknown;
        } else if (mutation === "external-pipeline" || mutation === "external-pipeline-listed") {
          target.arn = `arn:aws:codepipeline:us-east-1:${ACCOUNT}:elsewhere-${n}`;
          if (mutation === "external-pipeline-listed") {
            config.externalPipelines = [`elsewhere-${n}`];
          }
        } else if (mutation === "notifies-only") {
          target.arn = unknown;
          targetDependencies.arn = [urnOf("aws:sns/topic:Topic", "alerts")];
        } else if (pipelineBy === "dependency") {
          target.arn = unknown;
          targetDependencies.arn = [pipelineUrn];
        } else {
          target.arn = `arn:aws:codepipeline:us-east-1:${ACCOUNT}:${pipelineName}`;
        }
        members.push(member(TARGET, "start-pipeline", target, targetDependencies));
        if (notifyToo || mutation === "notifies-only") {
          members.push(member("aws:sns/topic:Topic", "alerts", { name: `alerts-${n}` }));
          members.push(
            member(TARGET, "notify", { rule: unknown, arn: unknown }, { rule: [ruleUrn], arn: [urnOf("aws:sns/topic:Topic", "alerts")] }),
          );
        }
        if (otherRule) {
          // A rule on other events that starts the pipeline is not this policy's business.
          members.push(
            member(RULE, "nightly", {
              name: `nightly-${n}`,
              scheduleExpression: "cron(0 3 * * ? *)",
              eventPattern: JSON.stringify({ source: ["aws.s3"] }),
            }),
          );
          members.push(member(TARGET, "nightly-start", { rule: `nightly-${n}`, arn: unknown }, { arn: [pipelineUrn] }));
        }
        const story = [
          `rule scoped by ${scopeBy}${encoded ? " (JSON string)" : ""}, target by ${ruleBy}/${pipelineBy}`,
          `mutation ${mutation}`,
        ];
        return { config, subject: { input: members, expected: RULE_VERDICTS[mutation], on: ruleUrn, story } };
      },
    );
}
