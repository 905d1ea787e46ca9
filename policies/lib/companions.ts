/**
 * Companion resources: in `@pulumi/aws` 7 many settings live in resources of their own that point at
 * a parent (a bucket's `BucketVersioning`, a repository's ECR `LifecyclePolicy`, a rule's
 * `EventTarget`). A stack policy indexes them once per run and then looks them up per parent, so
 * stacks of thousands of resources stay linear.
 *
 * Matching, in order: the engine's property dependencies of the reference input (known at preview
 * even when `bucket: bucket.id` is not), then the reference's known value against the parent's
 * identifying inputs (deployed stacks and `--state` carry real names). A companion whose reference
 * is unknown and has no property dependency on a parent could belong to any parent: it is kept as
 * unresolved, and a parent without a passing companion is then undecided rather than failed.
 */
import type { StackCheck, Subject } from "./policy";
import { isUnknown, read } from "./props";
import type { Verdict } from "./state";

export interface CompanionSpec {
  /** Type tokens of the parents (`aws:s3/bucket:Bucket`). */
  readonly parentTypes: readonly string[];
  /** Parent inputs whose value a companion's reference may hold (`bucket`, `name`, `arn`). */
  readonly parentKeys: readonly string[];
  /** Type tokens of the companions (`aws:s3/bucketVersioning:BucketVersioning`). */
  readonly companionTypes: readonly string[];
  /** The companion input that names its parent (`bucket`, `repository`, `rule`). */
  readonly reference: string;
}

export interface CompanionIndex {
  readonly parents: readonly Subject[];
  /** The companions that reference `parent`. */
  of(parent: Subject): readonly Subject[];
  /** Companions whose reference is unknown and depends on no parent: they may belong to any parent. */
  readonly unresolved: readonly Subject[];
}

const NONE: readonly Subject[] = [];

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}

/** Indexes `resources` in one pass; lookups are then constant time per parent. */
export function indexCompanions(resources: readonly Subject[], spec: CompanionSpec): CompanionIndex {
  const parentTypes = new Set(spec.parentTypes);
  const companionTypes = new Set(spec.companionTypes);
  const parents: Subject[] = [];
  const companions: Subject[] = [];
  const parentsByValue = new Map<string, Subject[]>();
  for (const resource of resources) {
    if (parentTypes.has(resource.type)) {
      parents.push(resource);
      // A set per parent, so `bucket` and `id` holding the same name do not list it twice.
      const values = new Set(spec.parentKeys.map((key) => read.string(resource.props, key)));
      for (const value of values) {
        if (typeof value === "string") {
          push(parentsByValue, value, resource);
        }
      }
    } else if (companionTypes.has(resource.type)) {
      companions.push(resource);
    }
  }
  const byParent = new Map<string, Subject[]>();
  const unresolved: Subject[] = [];
  for (const companion of companions) {
    const viaDependency = (companion.propertyDependencies?.[spec.reference] ?? NONE).filter((d) => parentTypes.has(d.type));
    const value = read.string(companion.props, spec.reference);
    if (viaDependency.length > 0) {
      viaDependency.forEach((parent) => push(byParent, parent.urn, companion));
    } else if (typeof value === "string") {
      (parentsByValue.get(value) ?? NONE).forEach((parent) => push(byParent, parent.urn, companion));
    } else if (isUnknown(value)) {
      unresolved.push(companion);
    }
  }
  return { parents, of: (parent) => byParent.get(parent.urn) ?? NONE, unresolved };
}

/** What a companion contributes: it satisfies the requirement, it does not (and why), or cannot tell yet. */
export type Judgement = { readonly verdict: "pass" } | { readonly verdict: Exclude<Verdict, "pass">; readonly reason: string };

const PASS: Judgement = { verdict: "pass" };

/** A judgement from a verdict, with the reason shown when it is not a pass. */
export function judgement(verdict: Verdict, reason: string): Judgement {
  return verdict === "pass" ? PASS : { verdict, reason };
}

export interface CompanionRequirement extends CompanionSpec {
  /** What each parent needs, for messages ("<parent> has no <needs>"): `BucketVersioning with status "Enabled"`. */
  readonly needs: string;
  /** Judges one companion of the parent; without it any companion satisfies the requirement. */
  readonly judge?: (companion: Subject) => Judgement;
}

// Messages name a few resources only, so a stack with thousands of unresolved companions stays linear.
const LISTED = 3;

function list(names: readonly string[]): string {
  const shown = names.slice(0, LISTED).join("; ");
  return names.length > LISTED ? `${shown}; and ${names.length - LISTED} more` : shown;
}

/**
 * Reports every parent that has no companion the judge passes: a violation naming what is missing
 * or wrong, or `[undecided]` when a companion's setting or reference is unknown during preview.
 */
export function requireCompanion(check: StackCheck, requirement: CompanionRequirement): void {
  const index = indexCompanions(check.resources, requirement);
  const judge = requirement.judge ?? (() => PASS);
  // Built once: every undecided parent repeats the same note, so it must not cost a pass over them.
  const unresolved = index.unresolved.map(
    (companion) =>
      `${companion.name}'s ${requirement.reference} is unknown during preview and depends on no ${requirement.parentTypes.join(" or ")}`,
  );
  const unresolvedNote = unresolved.length > 0 ? [list(unresolved)] : [];
  for (const parent of index.parents) {
    const failed: string[] = [];
    const unknown: string[] = [];
    let satisfied = false;
    for (const companion of index.of(parent)) {
      const judgement = judge(companion);
      if (judgement.verdict === "pass") {
        satisfied = true;
        break;
      }
      (judgement.verdict === "fail" ? failed : unknown).push(`${companion.name}: ${judgement.reason}`);
    }
    if (satisfied) {
      continue;
    }
    if (unknown.length > 0 || unresolvedNote.length > 0) {
      const reasons = [...(unknown.length > 0 ? [list(unknown)] : []), ...unresolvedNote];
      check.undecided(parent, `cannot tell whether ${parent.name} has ${requirement.needs}: ${reasons.join("; ")}`);
    } else {
      const detail = failed.length > 0 ? ` (${list(failed)})` : "";
      check.violation(parent, `${parent.name} has no ${requirement.needs}${detail}`);
    }
  }
}
