/** Type tokens of the SNS resources the SNS policies inspect. */
export const SNS_TOPIC = "aws:sns/topic:Topic";
export const SNS_TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy";
