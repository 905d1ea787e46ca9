/**
 * Remote components (`@pulumi/awsx` 3) are built by their provider plugin. In a real preview the plugin
 * registers their children with the component as parent, and policies see those children. Under Pulumi
 * mocks and in the offline checker no plugin runs: the component is one resource without children. A
 * stack policy that looks a resource up by name must not call it missing while it may be one of those
 * unseen children; it cannot decide instead.
 */
import type { Subject } from "../lib/policy";
import { AWSX_EC2_SERVICE, AWSX_FARGATE_SERVICE, ECS_SERVICE } from "../lib/resource-types";

/** Remote component types, by the type of resource a policy looks up that they create. */
const CREATED_BY: ReadonlyMap<string, readonly string[]> = new Map([[ECS_SERVICE, [AWSX_FARGATE_SERVICE, AWSX_EC2_SERVICE]]]);

/**
 * The stack's remote components that create resources of `type` and whose children the stack does not
 * hold: where such a resource may exist unseen.
 */
export function unseenCreatorsOf(resources: readonly Subject[], type: string): readonly Subject[] {
  // Stryker disable next-line ArrayDeclaration: a list holding a type no resource has finds none, as the empty list does.
  const creators = CREATED_BY.get(type) ?? [];
  const components = resources.filter((r) => creators.includes(r.type));
  const parents = new Set(resources.map((r) => r.parent?.urn));
  return components.filter((c) => !parents.has(c.urn));
}
