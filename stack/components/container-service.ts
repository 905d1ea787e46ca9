import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { arnOf, iamArnOf } from "../aws-context";
import { policyDocument } from "../policy-documents";
import { componentType, encryptedLogGroup, serviceRole, type LoggingComponentArgs } from "./common";
import { publicLoadBalancer } from "./load-balancer";

export interface ContainerServiceArgs extends LoggingComponentArgs {
  readonly vpcId: pulumi.Input<string>;
  readonly vpcCidr: pulumi.Input<string>;
  readonly publicSubnetIds: pulumi.Input<string>[];
  readonly privateSubnetIds: pulumi.Input<string>[];
  /** Physical names (stack/names.ts): the pipeline's policy and the task definition refer to them. */
  readonly clusterName: string;
  readonly serviceName: string;
  readonly taskRoleName: string;
  readonly executionRoleName: string;
  /** Task definition family; the pipeline's deploy action registers new revisions of it. */
  readonly family: string;
  readonly containerName: string;
  readonly image: pulumi.Input<string>;
  readonly imageRepositoryArn: pulumi.Input<string>;
  readonly containerPort: number;
  readonly healthCheckPath: string;
  readonly desiredCount: number;
  readonly cpu: number;
  readonly memory: number;
  readonly allowedIngressCidr: string;
  readonly certificateArn: string;
  readonly accessLogsBucket: string | undefined;
  readonly deletionProtection: boolean;
}

/** The deploy target: a Fargate service in private subnets behind a public Application Load Balancer (HTTPS; HTTP redirects). */
export class ContainerService extends pulumi.ComponentResource {
  readonly cluster: aws.ecs.Cluster;
  readonly service: aws.ecs.Service;
  readonly logGroup: aws.cloudwatch.LogGroup;
  readonly taskRole: aws.iam.Role;
  readonly executionRole: aws.iam.Role;
  readonly loadBalancer: aws.lb.LoadBalancer;
  /** ARNs built from the names, so documents that refer to them stay known during a preview. */
  readonly serviceArn: pulumi.Output<string>;
  readonly taskRoleArn: pulumi.Output<string>;
  readonly executionRoleArn: pulumi.Output<string>;

  constructor(name: string, args: ContainerServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType("ContainerService"), name, {}, opts);
    const { context, tags } = args;

    // Resources with fixed names cannot exist twice: a replacement deletes the old one first.
    this.cluster = new aws.ecs.Cluster(
      `${name}-cluster`,
      {
        name: args.clusterName,
        settings: [{ name: "containerInsights", value: "enabled" }],
        tags,
      },
      { parent: this, deleteBeforeReplace: true },
    );
    this.serviceArn = arnOf(context, "ecs", `service/${args.clusterName}/${args.serviceName}`);
    this.taskRoleArn = iamArnOf(context, `role/${args.taskRoleName}`);
    this.executionRoleArn = iamArnOf(context, `role/${args.executionRoleName}`);

    this.logGroup = encryptedLogGroup(`${name}-logs`, args, this);

    // Used by ECS itself to pull the image and ship logs; the application never sees it.
    this.executionRole = serviceRole(`${name}-execution-role`, args.executionRoleName, "ecs-tasks.amazonaws.com", args, this);
    new aws.iam.RolePolicy(
      `${name}-execution-policy`,
      {
        role: this.executionRole.id,
        policy: policyDocument([
          {
            // GetAuthorizationToken has no resource type: AWS only accepts "*" here.
            Sid: "EcrLogin",
            Effect: "Allow",
            Action: "ecr:GetAuthorizationToken",
            Resource: "*",
          },
          {
            Sid: "PullImage",
            Effect: "Allow",
            Action: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
            Resource: args.imageRepositoryArn,
          },
          {
            Sid: "WriteLogs",
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: arnOf(context, "logs", `log-group:${args.logGroupName}:*`),
          },
        ]),
      },
      { parent: this },
    );

    // The application's own identity: no permissions until the application needs some.
    this.taskRole = serviceRole(`${name}-task-role`, args.taskRoleName, "ecs-tasks.amazonaws.com", args, this);

    const taskDefinition = new aws.ecs.TaskDefinition(
      `${name}-task`,
      {
        family: args.family,
        cpu: String(args.cpu),
        memory: String(args.memory),
        networkMode: "awsvpc",
        requiresCompatibilities: ["FARGATE"],
        runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" },
        executionRoleArn: this.executionRole.arn,
        taskRoleArn: this.taskRole.arn,
        // A read-only root filesystem still needs somewhere to write temporary files.
        volumes: [{ name: "tmp" }],
        containerDefinitions: pulumi.jsonStringify([
          {
            name: args.containerName,
            image: args.image,
            essential: true,
            user: "1000",
            readonlyRootFilesystem: true,
            privileged: false,
            portMappings: [{ containerPort: args.containerPort, protocol: "tcp" }],
            environment: [{ name: "PORT", value: String(args.containerPort) }],
            mountPoints: [{ sourceVolume: "tmp", containerPath: "/tmp", readOnly: false }],
            logConfiguration: {
              logDriver: "awslogs",
              options: {
                "awslogs-group": args.logGroupName,
                "awslogs-region": context.region,
                "awslogs-stream-prefix": args.containerName,
              },
            },
          },
        ]),
        tags,
        // The container definitions name the log group rather than read it from the resource (so they are
        // known at preview); tasks must still not start before the group exists.
      },
      { parent: this, dependsOn: [this.logGroup] },
    );

    const { loadBalancer, securityGroup: albSecurityGroup, targetGroup, httpsListener } = publicLoadBalancer(name, args, this);
    this.loadBalancer = loadBalancer;
    const serviceSecurityGroup = new aws.ec2.SecurityGroup(
      `${name}-service-sg`,
      {
        vpcId: args.vpcId,
        description: "Tasks: container port from the load balancer only, HTTPS out for ECR and logs",
        ingress: [
          {
            protocol: "tcp",
            fromPort: args.containerPort,
            toPort: args.containerPort,
            securityGroups: [albSecurityGroup.id],
            description: "from load balancer",
          },
        ],
        egress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "HTTPS to AWS APIs" }],
        tags,
      },
      { parent: this },
    );

    this.service = new aws.ecs.Service(
      `${name}-service`,
      {
        name: args.serviceName,
        cluster: this.cluster.arn,
        taskDefinition: taskDefinition.arn,
        desiredCount: args.desiredCount,
        launchType: "FARGATE",
        networkConfiguration: {
          subnets: args.privateSubnetIds,
          securityGroups: [serviceSecurityGroup.id],
          assignPublicIp: false,
        },
        loadBalancers: [{ targetGroupArn: targetGroup.arn, containerName: args.containerName, containerPort: args.containerPort }],
        healthCheckGracePeriodSeconds: 60,
        deploymentCircuitBreaker: { enable: true, rollback: true },
        propagateTags: "SERVICE",
        tags,
      },
      {
        parent: this,
        deleteBeforeReplace: true,
        // The target group must be attached to a listener before a service can register with it.
        dependsOn: [httpsListener],
        // The pipeline's deploy action registers new task definition revisions; without this, the next
        // `pulumi up` would roll the service back to the revision Pulumi created.
        ignoreChanges: ["taskDefinition"],
      },
    );

    this.registerOutputs({
      clusterName: this.cluster.name,
      serviceName: this.service.name,
      serviceUrl: pulumi.interpolate`https://${this.loadBalancer.dnsName}`,
    });
  }
}
