/**
 * Matching: a literal matches the `name` input of a resource of the right type (`deploymentGroupName`
 * for deployment groups). A resource without a `name` input is auto-named (logical name plus a random
 * suffix), so a literal cannot reliably name it: the finding says so when the literal equals its
 * logical name. Values unknown at preview are outputs of other resources, the recommended pattern,
 * and pass.
 *
 * Pairing (`deploy-pairs.ts`): when both literals of an action name resources, the named service
 * must run in the named cluster (the deployment group belong to the named application); a cluster
 * from a lookup (`aws.ecs.getCluster`) is an existing one, taken on trust like the external lists.
 */
import { actionField, configurationValue, PipelineAction, pipelineActions } from "../lib/pipeline";
import { PairSpec, pairing, Pairing } from "./deploy-pairs";
import { CompliancePolicy, StackCheck, stackPolicy, stringList, Subject } from "../lib/policy";
import { isUnknown, knownOr, read } from "../lib/props";
import { unseenCreatorsOf } from "./remote-components";
import {
  CODEDEPLOY_APPLICATION,
  CODEDEPLOY_DEPLOYMENT_GROUP,
  CODEPIPELINE_PIPELINE,
  ECS_CLUSTER,
  ECS_SERVICE,
} from "../lib/resource-types";

interface Target {
  /** Configuration key of the deploy action. */
  readonly key: string;
  readonly noun: string;
  readonly resourceType: string;
  /** Input that holds the physical name. */
  readonly nameInput: string;
  readonly externalConfig: string;
}

const TARGETS: ReadonlyMap<string, readonly Target[]> = new Map([
  [
    "ECS",
    [
      { key: "ClusterName", noun: "cluster", resourceType: ECS_CLUSTER, nameInput: "name", externalConfig: "externalClusters" },
      { key: "ServiceName", noun: "service", resourceType: ECS_SERVICE, nameInput: "name", externalConfig: "externalServices" },
    ],
  ],
  [
    "CodeDeployToECS",
    [
      {
        key: "ApplicationName",
        noun: "CodeDeploy application",
        resourceType: CODEDEPLOY_APPLICATION,
        nameInput: "name",
        externalConfig: "externalApplications",
      },
      {
        key: "DeploymentGroupName",
        noun: "CodeDeploy deployment group",
        resourceType: CODEDEPLOY_DEPLOYMENT_GROUP,
        nameInput: "deploymentGroupName",
        externalConfig: "externalDeploymentGroups",
      },
    ],
  ],
]);

/** Per provider, the pair of targets whose child must belong to the parent, and how it refers to it. */
const PAIRS: ReadonlyMap<string, PairSpec> = new Map([
  [
    "ECS",
    {
      parentType: ECS_CLUSTER,
      parentNoun: "cluster",
      childNoun: "service",
      reference: "cluster",
      absentMeans: "default",
      lookup: "aws.ecs.getCluster",
    },
  ],
  [
    "CodeDeployToECS",
    {
      parentType: CODEDEPLOY_APPLICATION,
      parentNoun: "CodeDeploy application",
      childNoun: "deployment group",
      reference: "appName",
      lookup: "aws.codedeploy.getApplication",
    },
  ],
]);

/** Per target type, the remote components whose unseen children may be what a literal names. */
type UnseenCreators = (resourceType: string) => readonly Subject[];

function checkTarget(check: StackCheck, unseen: UnseenCreators, pipeline: Subject, action: PipelineAction, target: Target): void {
  const literal = configurationValue(action, target.key);
  if (literal === undefined || isUnknown(literal)) {
    return;
  }
  const where = `${action.label}: ${target.key} "${literal}"`;
  if (literal.includes("#{")) {
    check.undecided(pipeline, `${where} is a pipeline variable, resolved only at run time`);
    return;
  }
  const external = knownOr(read.array(check.config, target.externalConfig), []);
  const candidates = check.ofType(target.resourceType);
  const names = candidates.map((resource) => read.string(resource.props, target.nameInput));
  if (external.includes(literal) || names.includes(literal)) {
    return;
  }
  const unknownNames = candidates.filter((_, index) => isUnknown(names[index]));
  if (unknownNames.length > 0) {
    check.undecided(
      pipeline,
      `${where}: cannot match it, the name of ${unknownNames.map((r) => r.name).join(", ")} is unknown during preview`,
    );
    return;
  }
  const creators = unseen(target.resourceType);
  if (creators.length > 0) {
    check.undecided(
      pipeline,
      `${where}: cannot match it, ${creators.map((r) => `${r.type} "${r.name}"`).join(", ")} may create that ${target.noun} ` +
        `but its children are only visible in a real preview (remote component); pass the ${target.noun}'s name output instead of a literal`,
    );
    return;
  }
  const sameLogicalName = candidates.find((resource) => resource.name === literal);
  const hint = sameLogicalName
    ? ` (resource "${literal}" exists, but without a literal ${target.nameInput} Pulumi auto-names it with a random suffix)`
    : "";
  check.violation(
    pipeline,
    `${where} names no ${target.noun} in this stack${hint}: pass the ${target.noun}'s name output instead of a literal, ` +
      `or list it in the policy config ${target.externalConfig} if it is managed elsewhere`,
  );
}

/** Literal values only: outputs are unknown at preview and pipeline variables resolve at run time. */
function literal(action: PipelineAction, key: string): string | undefined {
  const value = configurationValue(action, key);
  return typeof value === "string" && !value.includes("#{") ? value : undefined;
}

/**
 * Both literals may name resources of the stack while the child does not belong to the parent: the
 * named service runs in another cluster. Reported when no child of that name belongs to the parent.
 */
function checkPair(check: StackCheck, pipeline: Subject, action: PipelineAction, provider: string): void {
  const spec = PAIRS.get(provider);
  if (!spec) {
    return;
  }
  // TARGETS lists the parent first, then the child, for every provider PAIRS has.
  const [parent, child] = TARGETS.get(provider) as readonly [Target, Target];
  const parentName = literal(action, parent.key);
  const childName = literal(action, child.key);
  if (parentName === undefined || childName === undefined) {
    return;
  }
  const children = check.ofType(child.resourceType).filter((resource) => read.string(resource.props, child.nameInput) === childName);
  if (children.length === 0) {
    return;
  }
  const stackParents = new Set(check.ofType(parent.resourceType).map((resource) => read.string(resource.props, parent.nameInput)));
  const pairings: Pairing[] = children.map((resource) => pairing(resource, parentName, spec, (name) => stackParents.has(name)));
  if (pairings.some((p) => p.verdict === "pass")) {
    return;
  }
  const where = `${action.label}: ${child.key} "${childName}" in ${parent.key} "${parentName}"`;
  const reasons = pairings.map((p) => p.reason).join("; ");
  if (pairings.some((p) => p.verdict === "unknown")) {
    check.undecided(pipeline, `${where}: cannot tell whether the ${spec.childNoun} belongs to that ${spec.parentNoun}, ${reasons}`);
  } else {
    check.violation(
      pipeline,
      `${where}: the ${spec.childNoun} does not belong to that ${spec.parentNoun} (${reasons}), so the action deploys to nowhere: ` +
        `pass the ${spec.parentNoun}'s and ${spec.childNoun}'s name outputs of one pair`,
    );
  }
}

function validate(check: StackCheck): void {
  const unseenByType = new Map<string, readonly Subject[]>();
  const unseen: UnseenCreators = (resourceType) => {
    let creators = unseenByType.get(resourceType);
    if (!creators) {
      creators = unseenCreatorsOf(check.resources, resourceType);
      unseenByType.set(resourceType, creators);
    }
    return creators;
  };
  for (const pipeline of check.ofType(CODEPIPELINE_PIPELINE)) {
    const { actions, unknown } = pipelineActions(pipeline.props);
    for (const path of unknown) {
      check.undecided(pipeline, `${path} is unknown during preview: cannot check its deploy actions`);
    }
    for (const action of actions) {
      const category = actionField(action, "category");
      const provider = actionField(action, "provider");
      if (isUnknown(category) || isUnknown(provider)) {
        check.undecided(pipeline, `${action.label}: its category or provider is unknown during preview`);
      } else if (category === "Deploy" && provider !== undefined) {
        for (const target of TARGETS.get(provider) ?? []) {
          checkTarget(check, unseen, pipeline, action, target);
        }
        checkPair(check, pipeline, action, provider);
      }
    }
  }
}

export const deployTargetInStack: CompliancePolicy = stackPolicy({
  name: "ecs-deploy-target-in-stack",
  description: "ECS deploy actions must target a cluster and service this stack creates (or that the config lists as external).",
  severity: "high",
  enforcementLevel: "mandatory",
  config: {
    externalClusters: stringList("ECS cluster names managed outside this stack that deploy actions may name literally."),
    externalServices: stringList("ECS service names managed outside this stack that deploy actions may name literally."),
    externalApplications: stringList("CodeDeploy application names managed outside this stack (CodeDeployToECS actions)."),
    externalDeploymentGroups: stringList("CodeDeploy deployment group names managed outside this stack (CodeDeployToECS actions)."),
  },
  docs: {
    what: "A Deploy action with provider `ECS` (ClusterName, ServiceName) or `CodeDeployToECS` (ApplicationName, DeploymentGroupName) whose value is a literal must match the name of a resource of that kind in the stack, or a name in the matching `external...` config. Values unknown at preview (outputs) pass; auto-named resources cannot be matched by a literal. When both literals name things, the named service's `cluster` must refer to the named cluster (by property dependency, name or ARN; absent is ECS's `default` cluster), and the deployment group's `appName` to the named application. A cluster found with a lookup (`aws.ecs.getCluster`) is an existing one outside the stack: taken on trust when the action names an external cluster, undecided when it names one of the stack's. A pipeline variable (`#{...}`) resolves at run time and is undecided, as is a literal that may name the unseen child of a remote (awsx) component.",
    why: "A literal that matches nothing, or a service that runs in another cluster than the one named, makes the deploy stage fail on the pipeline's first run, after everything else deployed.",
    fix: "Pass `cluster.name` and `service.name` (or the CodeDeploy resources' names) from the resources the stack creates, or list names managed by another stack in the policy config.",
    url: "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECS.html",
    compliance: { nist: ["CM-3"] },
  },
  validate,
});
