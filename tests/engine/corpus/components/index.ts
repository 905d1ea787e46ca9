// Components nested two deep, children with { parent: this }, registered outputs, and a stack output.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

class Logs extends pulumi.ComponentResource {
  readonly group: aws.cloudwatch.LogGroup;
  constructor(name: string, retentionInDays: number | undefined, opts?: pulumi.ComponentResourceOptions) {
    super("corpus:index:Logs", name, {}, opts);
    this.group = new aws.cloudwatch.LogGroup(`${name}-group`, { retentionInDays }, { parent: this });
    this.registerOutputs({ groupName: this.group.name });
  }
}

class Service extends pulumi.ComponentResource {
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super("corpus:index:Service", name, {}, opts);
    new Logs(`${name}-app`, 30, { parent: this });
    new Logs(`${name}-audit`, undefined, { parent: this });
    new aws.sns.Topic(`${name}-alerts`, {}, { parent: this });
    this.registerOutputs({});
  }
}

const service = new Service("checkout");
export const serviceUrn = service.urn;
