import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { arnOf } from "../aws-context";
import { policyDocument } from "../policy-documents";
import { componentType, type EncryptedComponentArgs } from "./common";

export interface FailureNotificationsArgs extends EncryptedComponentArgs {
  /** Physical names of the topic and the rule (stack/names.ts): the topic policy names both ARNs. */
  readonly topicName: string;
  readonly ruleName: string;
  /** The watched pipeline, by physical name and the ARN built from it, so the event pattern is known at preview. */
  readonly pipelineName: string;
  readonly pipelineArn: pulumi.Input<string>;
  /** Subscribed by email when set; the address must confirm the subscription. */
  readonly email: string | undefined;
}

/** Failed pipeline executions, as events, published to an encrypted SNS topic. */
export class FailureNotifications extends pulumi.ComponentResource {
  readonly topic: aws.sns.Topic;
  readonly rule: aws.cloudwatch.EventRule;

  constructor(name: string, args: FailureNotificationsArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType("FailureNotifications"), name, {}, opts);
    const { context, tags } = args;
    // Fixed names cannot exist twice: a replacement deletes the old topic or rule first.
    const named = { parent: this, deleteBeforeReplace: true };
    const topicArn = arnOf(context, "sns", args.topicName);

    this.topic = new aws.sns.Topic(`${name}-topic`, { name: args.topicName, kmsMasterKeyId: args.kmsKeyArn, tags }, named);

    // Matches this pipeline only: the source is GitHub, so there is no CodeCommit rule to add.
    this.rule = new aws.cloudwatch.EventRule(
      `${name}-rule`,
      {
        name: args.ruleName,
        description: "Pipeline execution failed",
        eventPattern: pulumi.jsonStringify({
          source: ["aws.codepipeline"],
          "detail-type": ["CodePipeline Pipeline Execution State Change"],
          resources: [args.pipelineArn],
          detail: { pipeline: [args.pipelineName], state: ["FAILED"] },
        }),
        tags,
      },
      named,
    );

    const topicPolicy = new aws.sns.TopicPolicy(
      `${name}-topic-policy`,
      {
        arn: this.topic.arn,
        policy: policyDocument([
          {
            Sid: "OnlyThisRulePublishes",
            Effect: "Allow",
            Principal: { Service: "events.amazonaws.com" },
            Action: "sns:Publish",
            Resource: topicArn,
            Condition: {
              // Rules on the default event bus: arn:...:events:<region>:<account>:rule/<name>.
              ArnEquals: { "aws:SourceArn": arnOf(context, "events", `rule/${args.ruleName}`) },
              StringEquals: { "aws:SourceAccount": context.accountId },
            },
          },
        ]),
      },
      { parent: this },
    );

    new aws.cloudwatch.EventTarget(
      `${name}-target`,
      {
        rule: this.rule.name,
        arn: this.topic.arn,
      },
      { parent: this, dependsOn: [topicPolicy] },
    );

    if (args.email !== undefined) {
      new aws.sns.TopicSubscription(
        `${name}-email`,
        {
          topic: this.topic.arn,
          protocol: "email",
          endpoint: args.email,
        },
        { parent: this },
      );
    }

    this.registerOutputs({ topicArn: this.topic.arn, ruleName: this.rule.name });
  }
}
