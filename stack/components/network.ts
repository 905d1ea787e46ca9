import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Tags } from "../tags";
import { componentType } from "./common";

export interface NetworkArgs {
  /** At least two zones: an Application Load Balancer needs subnets in two. */
  readonly availabilityZones: string[];
  readonly tags: Tags;
}

const VPC_CIDR = "10.0.0.0/16";

/** Where a tier's default route goes: the internet gateway (public) or the NAT gateway (private). */
type DefaultRoute = Pick<aws.ec2.RouteArgs, "gatewayId" | "natGatewayId">;

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
    super(componentType("Network"), name, {}, opts);
    const tagged = (role: string): Tags => ({ ...args.tags, Name: `${name}-${role}` });

    this.vpc = new aws.ec2.Vpc(
      `${name}-vpc`,
      {
        cidrBlock: VPC_CIDR,
        enableDnsHostnames: true,
        enableDnsSupport: true,
        tags: tagged("vpc"),
      },
      { parent: this },
    );

    // Adopting the default security group strips its allow-all rules, so nothing can use it by accident.
    new aws.ec2.DefaultSecurityGroup(`${name}-default-sg`, { vpcId: this.vpc.id, tags: tagged("default") }, { parent: this });

    /** One subnet per zone (`10.0.<firstBlock + i>.0/24`), all on one route table whose default route is `route`. */
    const subnetTier = (tier: "public" | "private", firstBlock: number, route: DefaultRoute): aws.ec2.Subnet[] => {
      const routes = new aws.ec2.RouteTable(`${name}-${tier}-rt`, { vpcId: this.vpc.id, tags: tagged(tier) }, { parent: this });
      new aws.ec2.Route(
        `${name}-${tier}-default`,
        { routeTableId: routes.id, destinationCidrBlock: "0.0.0.0/0", ...route },
        { parent: this },
      );
      return args.availabilityZones.map((zone, i) => {
        const subnet = new aws.ec2.Subnet(
          `${name}-${tier}-${i}`,
          {
            vpcId: this.vpc.id,
            availabilityZone: zone,
            cidrBlock: `10.0.${firstBlock + i}.0/24`,
            mapPublicIpOnLaunch: false,
            tags: tagged(`${tier}-${zone}`),
          },
          { parent: this },
        );
        new aws.ec2.RouteTableAssociation(`${name}-${tier}-${i}`, { subnetId: subnet.id, routeTableId: routes.id }, { parent: this });
        return subnet;
      });
    };

    const gateway = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: this.vpc.id, tags: tagged("igw") }, { parent: this });
    const publicSubnets = subnetTier("public", 0, { gatewayId: gateway.id });

    // One NAT gateway, not one per zone: the tasks only pull images and ship logs, and the reference
    // stack favours cost; see docs/deploying.md for the trade-off.
    const natAddress = new aws.ec2.Eip(`${name}-nat-ip`, { domain: "vpc", tags: tagged("nat") }, { parent: this });
    const nat = new aws.ec2.NatGateway(
      `${name}-nat`,
      {
        subnetId: publicSubnets[0].id,
        allocationId: natAddress.id,
        tags: tagged("nat"),
      },
      { parent: this, dependsOn: [gateway] },
    );
    const privateSubnets = subnetTier("private", 100, { natGatewayId: nat.id });

    this.publicSubnetIds = publicSubnets.map((s) => s.id);
    this.privateSubnetIds = privateSubnets.map((s) => s.id);
    this.registerOutputs({ vpcId: this.vpc.id, publicSubnetIds: this.publicSubnetIds, privateSubnetIds: this.privateSubnetIds });
  }
}
