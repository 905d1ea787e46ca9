import { analyzeResource, of, unknown, urnOf } from "../harness";

const POLICY = "sns-topic-policy-not-public";
const TOPIC = "aws:sns/topic:Topic";
const TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy";

const publish = (extra: Record<string, unknown> = {}) => ({
  Effect: "Allow",
  Principal: { AWS: "*" },
  Action: "sns:Publish",
  Resource: "*",
  ...extra,
});
const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });

async function findings(type: string, props: Record<string, unknown>) {
  return of(POLICY, await analyzeResource(type, "topic", props));
}

describe("sns-topic-policy-not-public", () => {
  it("reports an open publish statement on a TopicPolicy and on the topic's own policy", async () => {
    expect(await findings(TOPIC_POLICY, { arn: unknown, policy: doc(publish()) })).toEqual([
      expect.objectContaining({
        level: "mandatory",
        urn: urnOf(TOPIC_POLICY, "topic"),
        message: expect.stringMatching(/^policy Statement\[0\] allows anyone .* to use the topic/),
      }),
    ]);
    expect(await findings(TOPIC, { policy: doc(publish()) })).toHaveLength(1);
  });

  it("passes a service principal, a conditioned wildcard and a topic without a policy", async () => {
    expect(await findings(TOPIC_POLICY, { policy: doc(publish({ Principal: { Service: "events.amazonaws.com" } })) })).toEqual([]);
    expect(
      await findings(TOPIC_POLICY, { policy: doc(publish({ Condition: { StringEquals: { "aws:SourceAccount": "111111111111" } } })) }),
    ).toEqual([]);
    expect(await findings(TOPIC, { name: "failures" })).toEqual([]);
  });

  it("is undecided when the policy is unknown", async () => {
    expect(await findings(TOPIC_POLICY, { policy: unknown })).toEqual([
      expect.objectContaining({ level: "advisory", message: expect.stringMatching(/^\[undecided\] policy is unknown/) }),
    ]);
  });
});
