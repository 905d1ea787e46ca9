// Every token the load balancer policies match is one the installed @pulumi/aws registers.
import * as aws from "@pulumi/aws";
import { LISTENERS, LOAD_BALANCERS } from "../../../policies/lb/types";
import { ALB_LISTENER, ALB_LOAD_BALANCER, LB_LISTENER, LB_LOAD_BALANCER } from "../../../policies/lib/resource-types";

// The token is a static field the generated classes do not declare in their typings.
const tokenOf = (resourceClass: unknown): unknown => (resourceClass as { __pulumiType?: unknown }).__pulumiType;

describe("load balancer type tokens", () => {
  it("are the tokens aws.lb and aws.alb register", () => {
    expect(tokenOf(aws.lb.LoadBalancer)).toBe(LB_LOAD_BALANCER);
    expect(tokenOf(aws.alb.LoadBalancer)).toBe(ALB_LOAD_BALANCER);
    expect(tokenOf(aws.lb.Listener)).toBe(LB_LISTENER);
    expect(tokenOf(aws.alb.Listener)).toBe(ALB_LISTENER);
    expect([...LOAD_BALANCERS, ...LISTENERS].sort()).toEqual([ALB_LISTENER, ALB_LOAD_BALANCER, LB_LISTENER, LB_LOAD_BALANCER].sort());
  });
});
