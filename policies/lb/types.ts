/**
 * Token lists and shared readers of the load balancer policies. `aws.alb.*` are aliases of `aws.lb.*`
 * in @pulumi/aws 7 but register their own tokens, so each policy matches both.
 */
import type { Subject } from "../lib/policy";
import { isUnknown, lookup, read, Unknown, UNKNOWN } from "../lib/props";
import { ALB_LISTENER, ALB_LOAD_BALANCER, LB_LISTENER, LB_LOAD_BALANCER } from "../lib/resource-types";

/** Both tokens of a load balancer. */
export const LOAD_BALANCERS: readonly string[] = [LB_LOAD_BALANCER, ALB_LOAD_BALANCER];
/** Both tokens of a listener. */
export const LISTENERS: readonly string[] = [LB_LISTENER, ALB_LISTENER];

/** `loadBalancerType`, absent judged as the provider default `application`. */
export function loadBalancerType(props: unknown): string | undefined | Unknown {
  const type = read.string(props, "loadBalancerType");
  return type === undefined ? "application" : type;
}

/**
 * The stated reason in tag `tag`: a non-empty string, `UNKNOWN` when the tag (or all tags) is unknown
 * during preview, else undefined. A reason lets a stack justify an exception where it is made.
 */
export function reasonTag(resource: Subject, tag: string): string | undefined | Unknown {
  const value = lookup(resource.props, ["tags", tag]);
  if (typeof value === "string" && value.trim() !== "") {
    return value;
  }
  return isUnknown(value) || isUnknown(lookup(resource.props, "tags")) ? UNKNOWN : undefined;
}
