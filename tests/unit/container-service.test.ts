// The deploy target of the dev stack: network, ECS cluster, task definition, service and load balancer.
import { INTERNET_FACING_REASON, NO_ACCESS_LOGS_REASON, TLS_POLICY } from "../../stack/components/load-balancer";
import { json, ofType, runProgram, single, stackFileConfig, statementsOf, type ProgramRun, type RecordedResource } from "./harness";

let run: ProgramRun;
beforeAll(async () => {
  run = await runProgram("dev", stackFileConfig("dev"));
});

const id = (resource: RecordedResource | undefined): string => `${resource?.name}-id`;
const named = (type: string, name: string): RecordedResource | undefined => ofType(run, type).find((r) => r.name === name);

describe("Network", () => {
  test("two public and two private subnets in two zones of the configured region", () => {
    const subnets = ofType(run, "aws:ec2/subnet:Subnet");
    expect(subnets.map((s) => [s.name, s.inputs.availabilityZone, s.inputs.mapPublicIpOnLaunch])).toEqual([
      ["dev-net-public-0", "us-east-1a", false],
      ["dev-net-public-1", "us-east-1b", false],
      ["dev-net-private-0", "us-east-1a", false],
      ["dev-net-private-1", "us-east-1b", false],
    ]);
    const vpcId = id(single(run, "aws:ec2/vpc:Vpc"));
    expect(subnets.every((s) => s.inputs.vpcId === vpcId)).toBe(true);
  });

  test("public subnets route to the internet gateway, private ones to the NAT gateway", () => {
    const routes = ofType(run, "aws:ec2/route:Route");
    const publicRt = id(named("aws:ec2/routeTable:RouteTable", "dev-net-public-rt"));
    const privateRt = id(named("aws:ec2/routeTable:RouteTable", "dev-net-private-rt"));
    expect(routes.map((r) => r.inputs)).toEqual([
      { routeTableId: publicRt, destinationCidrBlock: "0.0.0.0/0", gatewayId: id(single(run, "aws:ec2/internetGateway:InternetGateway")) },
      { routeTableId: privateRt, destinationCidrBlock: "0.0.0.0/0", natGatewayId: id(single(run, "aws:ec2/natGateway:NatGateway")) },
    ]);
    const associations = ofType(run, "aws:ec2/routeTableAssociation:RouteTableAssociation").map((a) => [
      a.inputs.subnetId,
      a.inputs.routeTableId,
    ]);
    expect(associations).toEqual([
      ["dev-net-public-0-id", publicRt],
      ["dev-net-public-1-id", publicRt],
      ["dev-net-private-0-id", privateRt],
      ["dev-net-private-1-id", privateRt],
    ]);
    expect(single(run, "aws:ec2/natGateway:NatGateway").inputs.subnetId).toBe("dev-net-public-0-id");
  });

  test("the default security group is adopted with no rules", () => {
    const defaultSg = single(run, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup").inputs;
    expect(defaultSg.ingress).toBeUndefined();
    expect(defaultSg.egress).toBeUndefined();
  });
});

describe("ContainerService", () => {
  const logGroup = (): RecordedResource | undefined => named("aws:cloudwatch/logGroup:LogGroup", "dev-app-logs");

  test("the cluster has Container Insights on", () => {
    expect(single(run, "aws:ecs/cluster:Cluster").inputs.settings).toEqual([{ name: "containerInsights", value: "enabled" }]);
  });

  test("the service's log group is encrypted with the stack key and keeps logs as long as the stack file says", () => {
    expect(logGroup()?.inputs).toMatchObject({
      name: "/pipeline-compliance-kit/dev/ecs/app",
      retentionInDays: 7,
      kmsKeyId: single(run, "aws:kms/key:Key").state.arn,
    });
  });

  test("the task runs as a non-root user on a read-only root filesystem and logs to that group", () => {
    const task = single(run, "aws:ecs/taskDefinition:TaskDefinition").inputs;
    expect(task).toMatchObject({
      networkMode: "awsvpc",
      requiresCompatibilities: ["FARGATE"],
      cpu: "256",
      memory: "512",
      family: "pipeline-compliance-kit-dev-app",
    });
    const containers = json<Record<string, unknown>[]>(task.containerDefinitions);
    expect(containers).toHaveLength(1);
    expect(containers[0]).toMatchObject({
      name: "app",
      image: `${String(single(run, "aws:ecr/repository:Repository").state.repositoryUrl)}:initial`,
      user: "1000",
      readonlyRootFilesystem: true,
      privileged: false,
      portMappings: [{ containerPort: 8080, protocol: "tcp" }],
      logConfiguration: {
        logDriver: "awslogs",
        options: { "awslogs-group": logGroup()?.state.name, "awslogs-region": "us-east-1", "awslogs-stream-prefix": "app" },
      },
    });
    const environment = containers[0].environment as { name: string }[];
    expect(environment.filter((v) => /secret|password|token|key/i.test(v.name))).toEqual([]);
  });

  test("task role and execution role are distinct roles of the stack", () => {
    const task = single(run, "aws:ecs/taskDefinition:TaskDefinition").inputs;
    const roleArn = (name: string): unknown => named("aws:iam/role:Role", name)?.state.arn;
    expect(task.taskRoleArn).toBe(roleArn("dev-app-task-role"));
    expect(task.executionRoleArn).toBe(roleArn("dev-app-execution-role"));
    expect(task.taskRoleArn).not.toBe(task.executionRoleArn);
    const taskRolePolicies = ofType(run, "aws:iam/rolePolicy:RolePolicy").filter((p) => p.inputs.role === "dev-app-task-role-id");
    expect(taskRolePolicies).toEqual([]);
  });

  test("the execution role may pull from this repository and write to this log group only", () => {
    const statements = statementsOf(named("aws:iam/rolePolicy:RolePolicy", "dev-app-execution-policy")?.inputs.policy);
    expect(statements.map((s) => s.Resource)).toEqual([
      "*",
      single(run, "aws:ecr/repository:Repository").state.arn,
      `${String(logGroup()?.state.arn)}:*`,
    ]);
  });

  test("the service runs in private subnets without public IPs, behind the load balancer, with rollback", () => {
    const service = single(run, "aws:ecs/service:Service").inputs;
    expect(service).toMatchObject({
      cluster: single(run, "aws:ecs/cluster:Cluster").state.arn,
      taskDefinition: single(run, "aws:ecs/taskDefinition:TaskDefinition").state.arn,
      desiredCount: 1,
      launchType: "FARGATE",
      networkConfiguration: {
        subnets: ["dev-net-private-0-id", "dev-net-private-1-id"],
        securityGroups: ["dev-app-service-sg-id"],
        assignPublicIp: false,
      },
      loadBalancers: [
        { targetGroupArn: single(run, "aws:lb/targetGroup:TargetGroup").state.arn, containerName: "app", containerPort: 8080 },
      ],
      deploymentCircuitBreaker: { enable: true, rollback: true },
    });
  });

  test("the load balancer is public by stated intent; only the allowed CIDR reaches it and only it reaches the tasks", () => {
    const alb = single(run, "aws:lb/loadBalancer:LoadBalancer").inputs;
    expect(alb).toMatchObject({
      loadBalancerType: "application",
      internal: false,
      subnets: ["dev-net-public-0-id", "dev-net-public-1-id"],
      securityGroups: ["dev-app-alb-sg-id"],
      dropInvalidHeaderFields: true,
      enableDeletionProtection: false,
      tags: expect.objectContaining({ "compliance:internet-facing-reason": INTERNET_FACING_REASON }),
    });
    const albSg = named("aws:ec2/securityGroup:SecurityGroup", "dev-app-alb-sg")?.inputs;
    expect(albSg?.ingress).toEqual([
      expect.objectContaining({ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }),
      expect.objectContaining({ protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"] }),
    ]);
    const serviceSg = named("aws:ec2/securityGroup:SecurityGroup", "dev-app-service-sg")?.inputs;
    expect(serviceSg?.ingress).toEqual([expect.objectContaining({ fromPort: 8080, toPort: 8080, securityGroups: ["dev-app-alb-sg-id"] })]);
    expect((serviceSg?.ingress as Record<string, unknown>[])[0].cidrBlocks).toBeUndefined();
  });

  test("HTTPS with the configured certificate and a current TLS policy forwards to the target group; HTTP redirects", () => {
    const targetGroup = single(run, "aws:lb/targetGroup:TargetGroup");
    expect(targetGroup.inputs).toMatchObject({ targetType: "ip", port: 8080, healthCheck: { path: "/" } });
    const loadBalancerArn = single(run, "aws:lb/loadBalancer:LoadBalancer").state.arn;
    expect(named("aws:lb/listener:Listener", "dev-app-https")?.inputs).toMatchObject({
      loadBalancerArn,
      port: 443,
      protocol: "HTTPS",
      sslPolicy: TLS_POLICY,
      certificateArn: stackFileConfig("dev")["pipeline-compliance-kit:certificateArn"],
      defaultActions: [{ type: "forward", targetGroupArn: targetGroup.state.arn }],
    });
    expect(named("aws:lb/listener:Listener", "dev-app-http")?.inputs).toMatchObject({
      loadBalancerArn,
      port: 80,
      protocol: "HTTP",
      defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
    });
    expect(ofType(run, "aws:lb/listener:Listener")).toHaveLength(2);
  });

  test("without accessLogsBucket the load balancer states why it has no access logs; with one it logs there", async () => {
    const alb = single(run, "aws:lb/loadBalancer:LoadBalancer").inputs;
    expect(alb.accessLogs).toBeUndefined();
    expect(alb.tags).toMatchObject({ "compliance:no-access-logs-reason": NO_ACCESS_LOGS_REASON });
    const logged = await runProgram("dev", { ...stackFileConfig("dev"), "pipeline-compliance-kit:accessLogsBucket": "acme-alb-logs" });
    const loggedAlb = single(logged, "aws:lb/loadBalancer:LoadBalancer").inputs;
    expect(loggedAlb.accessLogs).toEqual({ bucket: "acme-alb-logs", enabled: true });
    expect(Object.keys(loggedAlb.tags as object)).not.toContain("compliance:no-access-logs-reason");
  });
});
