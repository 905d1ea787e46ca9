/**
 * Pairing for `ecs-deploy-target-in-stack`: the service an ECS deploy action names must run in the
 * cluster it names (and a CodeDeployToECS deployment group must belong to the application named),
 * else the action deploys to nowhere although both names exist.
 *
 * A child's reference (`service.cluster`, `group.appName`) is resolved through the engine's property
 * dependencies first (unknown at preview, `cluster: cluster.arn`), then by its known value, a name or
 * an ARN whose last `/` part is the name. A reference that is known and names no parent of this
 * stack is an existing one (found with a lookup such as `aws.ecs.getCluster`, or a literal), judged
 * by its name like the config's external lists; an unknown one that depends on no parent of this
 * stack is such a lookup whose result only a real preview knows.
 */
import type { Subject } from "../lib/policy";
import { isUnknown, read } from "../lib/props";
import type { Verdict } from "../lib/state";

/** How a deploy action's pair of literals relates in the stack. */
export interface PairSpec {
  /** Type token of the parent (`aws:ecs/cluster:Cluster`). */
  readonly parentType: string;
  readonly parentNoun: string;
  readonly childNoun: string;
  /** The child's input that refers to its parent (`cluster`, `appName`). */
  readonly reference: string;
  /** The parent an absent reference means (ECS's `default` cluster); without it absent is unknown. */
  readonly absentMeans?: string;
  /** Lookup function that finds an existing parent, for messages. */
  readonly lookup: string;
}

/** One child's relation to the named parent. */
export interface Pairing {
  readonly verdict: Verdict;
  /** Why it fails or cannot be told; empty for a pass. */
  readonly reason: string;
}

const PASS: Pairing = { verdict: "pass", reason: "" };

/** The name in a name-or-ARN reference: `arn:aws:ecs:us-east-1:1:cluster/app` gives `app`. */
function nameOf(reference: string): string {
  return reference.startsWith("arn:") ? reference.slice(reference.lastIndexOf("/") + 1) : reference;
}

/**
 * Whether `child` refers to the parent named `parentName`; `isStackParent(name)` tells whether a
 * parent of that name is created by this stack.
 */
export function pairing(child: Subject, parentName: string, spec: PairSpec, isStackParent: (name: string) => boolean): Pairing {
  const what = `${spec.childNoun} ${child.name}`;
  const parents = (child.propertyDependencies?.[spec.reference] ?? []).filter((resource) => resource.type === spec.parentType);
  if (parents.length > 0) {
    const names = parents.map((parent) => read.string(parent.props, "name"));
    if (names.includes(parentName)) {
      return PASS;
    }
    // An absent name is auto-named with a random suffix: never the literal, as in the engine.
    if (names.some(isUnknown)) {
      return {
        verdict: "unknown",
        reason: `the name of ${parents.map((p) => p.name).join(", ")}, the ${spec.parentNoun} of ${what}, is not known during preview`,
      };
    }
    const described = parents.map((parent) => {
      const name = read.string(parent.props, "name");
      return typeof name === "string" ? `${parent.name} ("${name}")` : `${parent.name} (auto-named)`;
    });
    return { verdict: "fail", reason: `${what} runs in ${spec.parentNoun} ${described.join(", ")}` };
  }
  const value = read.string(child.props, spec.reference);
  const reference = value ?? spec.absentMeans;
  if (typeof reference === "string") {
    const name = nameOf(reference);
    if (name === parentName) {
      return PASS;
    }
    const where =
      value === undefined
        ? ` (no ${spec.reference} input: the default one)`
        : isStackParent(name)
          ? ""
          : `, an existing ${spec.parentNoun} this stack does not create (e.g. found with ${spec.lookup})`;
    return { verdict: "fail", reason: `${what} refers to ${spec.parentNoun} "${name}"${where}` };
  }
  if (isStackParent(parentName)) {
    return {
      verdict: "unknown",
      reason: `${what}'s ${spec.reference} is unknown during preview and depends on no ${spec.parentNoun} of this stack (an existing one found with ${spec.lookup}?)`,
    };
  }
  // Both are existing parents outside the stack: like a name in the external lists, taken on trust.
  return PASS;
}
