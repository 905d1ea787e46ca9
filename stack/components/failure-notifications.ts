import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { arnOf, type AwsContext } from "../aws-context";
import { policyDocument } from "../policy-documents";
import type { Tags } from "../tags";

export interface FailureNotificationsArgs {
  context: AwsContext;
  /** Physical names of the topic and the rule (stack/names.ts): the topic policy names both ARNs. */
  topicName: string;
  ruleName: string;
  /** The watched pipeline, by physical name and the ARN built from it, so the event pattern is known at preview. */
  pipelineName: string;
  pipelineArn: pulumi.Input<string>;
  kmsKeyArn: pulumi.Input<string>;
  /** Subscribed by email when set; the address must confirm the subscription. */
  email: string | undefined;
  tags: Tags;
}

/** Failed pipeline executions, as events, published to an encrypted SNS topic. */
export class FailureNotifications extends pulumi.ComponentResource {
  readonly topic: aws.sns.Topic;
  readonly rule: aws.cloudwatch.EventRule;

  constructor(name: string, args: FailureNotificationsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("pipeline-compliance-kit:components:FailureNotifications", name, {}, opts);
    const parent = { parent: this };
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
      parent,
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
        parent,
      );
    }

    this.registerOutputs({ topicArn: this.topic.arn, ruleName: this.rule.name });
  }
}
