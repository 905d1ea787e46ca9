/** Oracle cases for `ecs-deploy-target-in-stack`: pipelines deploying to ECS or CodeDeploy targets the stack does or does not create. */
import fc from "fast-check";
import { unknown, urnOf } from "../policy/harness";
import type { StackMember } from "./engine";
import {
  ACCOUNT,
  action,
  member,
  neutralAction,
  pipelineNoise,
  PIPELINE,
  withNoise,
  type Mut,
  type OracleInput,
  type Verdict,
} from "./oracle-parts";

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
