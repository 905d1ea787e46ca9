// Every token the load balancer policies match is one the installed @pulumi/aws registers.
import * as aws from "@pulumi/aws";
import { ALB_LISTENER, ALB_LOAD_BALANCER, LB_LISTENER, LB_LOAD_BALANCER, LISTENERS, LOAD_BALANCERS } from "../../../policies/lb/types";

describe("load balancer type tokens", () => {
    it("are the tokens aws.lb and aws.alb register", () => {
        expect(aws.lb.LoadBalancer.__pulumiType).toBe(LB_LOAD_BALANCER);
        expect(aws.alb.LoadBalancer.__pulumiType).toBe(ALB_LOAD_BALANCER);
        expect(aws.lb.Listener.__pulumiType).toBe(LB_LISTENER);
        expect(aws.alb.Listener.__pulumiType).toBe(ALB_LISTENER);
        expect([...LOAD_BALANCERS, ...LISTENERS].sort()).toEqual([ALB_LISTENER, ALB_LOAD_BALANCER, LB_LISTENER, LB_LOAD_BALANCER].sort());
    });
});
