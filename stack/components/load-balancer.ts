import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Tags } from "../tags";

/** Current TLS policy: TLS 1.3 and 1.2 with forward secrecy only (policy `lb-tls-security-policy`). */
export const TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
const HTTPS_PORT = 443;
const HTTP_PORT = 80;

/** Why the load balancer is public: the policy `lb-internet-facing` reads this tag. */
export const INTERNET_FACING_REASON = "public entry point of the service; ingress limited to the allowedIngressCidr config";
/** Why there are no access logs when no bucket is configured: the policy `lb-access-logs` reads this tag. */
export const NO_ACCESS_LOGS_REASON =
  "no accessLogsBucket configured: ALB log delivery needs an SSE-S3 bucket, and this stack's buckets use the stack KMS key";

export interface LoadBalancerArgs {
  readonly vpcId: pulumi.Input<string>;
  readonly vpcCidr: pulumi.Input<string>;
  readonly publicSubnetIds: pulumi.Input<string>[];
  readonly containerPort: number;
  readonly healthCheckPath: string;
  readonly allowedIngressCidr: string;
  readonly certificateArn: string;
  /** Existing bucket for access logs; undefined means none, with the reason in a tag. */
  readonly accessLogsBucket: string | undefined;
  readonly deletionProtection: boolean;
  readonly tags: Tags;
}

export interface PublicLoadBalancer {
  readonly loadBalancer: aws.lb.LoadBalancer;
  readonly securityGroup: aws.ec2.SecurityGroup;
  readonly targetGroup: aws.lb.TargetGroup;
  /** The listener that forwards to the target group: a service must register after it exists. */
  readonly httpsListener: aws.lb.Listener;
}

/**
 * An internet-facing application load balancer: HTTPS with a current TLS policy forwards to the
 * tasks, HTTP only redirects to HTTPS. Names are prefixed by `name`, resources are children of `parent`.
 */
export function publicLoadBalancer(name: string, args: LoadBalancerArgs, parent: pulumi.Resource): PublicLoadBalancer {
  const opts = { parent };
  const { tags } = args;
  const fromAllowed = (port: number, description: string) => ({
    protocol: "tcp",
    fromPort: port,
    toPort: port,
    cidrBlocks: [args.allowedIngressCidr],
    description,
  });
  const securityGroup = new aws.ec2.SecurityGroup(
    `${name}-alb-sg`,
    {
      vpcId: args.vpcId,
      description: "Load balancer: HTTPS and HTTP (redirect) from the allowed CIDR, out to the tasks only",
      ingress: [fromAllowed(HTTPS_PORT, "HTTPS listener"), fromAllowed(HTTP_PORT, "HTTP listener, redirects to HTTPS")],
      egress: [
        { protocol: "tcp", fromPort: args.containerPort, toPort: args.containerPort, cidrBlocks: [args.vpcCidr], description: "to tasks" },
      ],
      tags,
    },
    opts,
  );

  const loadBalancer = new aws.lb.LoadBalancer(
    `${name}-alb`,
    {
      loadBalancerType: "application",
      internal: false,
      subnets: args.publicSubnetIds,
      securityGroups: [securityGroup.id],
      dropInvalidHeaderFields: true,
      enableDeletionProtection: args.deletionProtection,
      accessLogs: args.accessLogsBucket === undefined ? undefined : { bucket: args.accessLogsBucket, enabled: true },
      tags: {
        ...tags,
        "compliance:internet-facing-reason": INTERNET_FACING_REASON,
        ...(args.accessLogsBucket === undefined ? { "compliance:no-access-logs-reason": NO_ACCESS_LOGS_REASON } : {}),
      },
    },
    opts,
  );
  const targetGroup = new aws.lb.TargetGroup(
    `${name}-tg`,
    {
      vpcId: args.vpcId,
      targetType: "ip",
      protocol: "HTTP",
      port: args.containerPort,
      deregistrationDelay: 30,
      healthCheck: { path: args.healthCheckPath, matcher: "200-399", interval: 30, healthyThreshold: 2, unhealthyThreshold: 3 },
      tags,
    },
    opts,
  );
  const httpsListener = new aws.lb.Listener(
    `${name}-https`,
    {
      loadBalancerArn: loadBalancer.arn,
      port: HTTPS_PORT,
      protocol: "HTTPS",
      sslPolicy: TLS_POLICY,
      certificateArn: args.certificateArn,
      defaultActions: [{ type: "forward", targetGroupArn: targetGroup.arn }],
      tags,
    },
    opts,
  );
  new aws.lb.Listener(
    `${name}-http`,
    {
      loadBalancerArn: loadBalancer.arn,
      port: HTTP_PORT,
      protocol: "HTTP",
      defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: String(HTTPS_PORT), statusCode: "HTTP_301" } }],
      tags,
    },
    opts,
  );
  return { loadBalancer, securityGroup, targetGroup, httpsListener };
}
