import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Tags } from "../tags";

export interface NetworkArgs {
  /** At least two zones: an Application Load Balancer needs subnets in two. */
  availabilityZones: string[];
  tags: Tags;
}

const VPC_CIDR = "10.0.0.0/16";

/**
 * A VPC with public subnets for the load balancer and private subnets for the tasks, which reach ECR
 * and CloudWatch through one NAT gateway. Built from plain aws.ec2 resources rather than awsx.ec2.Vpc so
 * that policies, previews and the unit tests see every route and subnet instead of one opaque component.
 */
export class Network extends pulumi.ComponentResource {
  readonly vpc: aws.ec2.Vpc;
  readonly publicSubnetIds: pulumi.Output<string>[];
  readonly privateSubnetIds: pulumi.Output<string>[];

  constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super("pipeline-compliance-kit:components:Network", name, {}, opts);
    const parent = { parent: this };
    const tagged = (role: string): Tags => ({ ...args.tags, Name: `${name}-${role}` });

    this.vpc = new aws.ec2.Vpc(
      `${name}-vpc`,
      {
        cidrBlock: VPC_CIDR,
        enableDnsHostnames: true,
        enableDnsSupport: true,
        tags: tagged("vpc"),
      },
      parent,
    );

    // Adopting the default security group strips its allow-all rules, so nothing can use it by accident.
    new aws.ec2.DefaultSecurityGroup(`${name}-default-sg`, { vpcId: this.vpc.id, tags: tagged("default") }, parent);

    const gateway = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: this.vpc.id, tags: tagged("igw") }, parent);
    const publicRoutes = new aws.ec2.RouteTable(`${name}-public-rt`, { vpcId: this.vpc.id, tags: tagged("public") }, parent);
    new aws.ec2.Route(
      `${name}-public-default`,
      {
        routeTableId: publicRoutes.id,
        destinationCidrBlock: "0.0.0.0/0",
        gatewayId: gateway.id,
      },
      parent,
    );

    const publicSubnets = args.availabilityZones.map((zone, i) => {
      const subnet = new aws.ec2.Subnet(
        `${name}-public-${i}`,
        {
          vpcId: this.vpc.id,
          availabilityZone: zone,
          cidrBlock: `10.0.${i}.0/24`,
          mapPublicIpOnLaunch: false,
          tags: tagged(`public-${zone}`),
        },
        parent,
      );
      new aws.ec2.RouteTableAssociation(`${name}-public-${i}`, { subnetId: subnet.id, routeTableId: publicRoutes.id }, parent);
      return subnet;
    });

    // One NAT gateway, not one per zone: the tasks only pull images and ship logs, and the reference
    // stack favours cost; see docs/deploying.md for the trade-off.
    const natAddress = new aws.ec2.Eip(`${name}-nat-ip`, { domain: "vpc", tags: tagged("nat") }, parent);
    const nat = new aws.ec2.NatGateway(
      `${name}-nat`,
      {
        subnetId: publicSubnets[0].id,
        allocationId: natAddress.id,
        tags: tagged("nat"),
      },
      { parent: this, dependsOn: [gateway] },
    );
    const privateRoutes = new aws.ec2.RouteTable(`${name}-private-rt`, { vpcId: this.vpc.id, tags: tagged("private") }, parent);
    new aws.ec2.Route(
      `${name}-private-default`,
      {
        routeTableId: privateRoutes.id,
        destinationCidrBlock: "0.0.0.0/0",
        natGatewayId: nat.id,
      },
      parent,
    );

    const privateSubnets = args.availabilityZones.map((zone, i) => {
      const subnet = new aws.ec2.Subnet(
        `${name}-private-${i}`,
        {
          vpcId: this.vpc.id,
          availabilityZone: zone,
          cidrBlock: `10.0.${100 + i}.0/24`,
          mapPublicIpOnLaunch: false,
          tags: tagged(`private-${zone}`),
        },
        parent,
      );
      new aws.ec2.RouteTableAssociation(`${name}-private-${i}`, { subnetId: subnet.id, routeTableId: privateRoutes.id }, parent);
      return subnet;
    });

    this.publicSubnetIds = publicSubnets.map((s) => s.id);
    this.privateSubnetIds = privateSubnets.map((s) => s.id);
    this.registerOutputs({ vpcId: this.vpc.id, publicSubnetIds: this.publicSubnetIds, privateSubnetIds: this.privateSubnetIds });
  }
}
