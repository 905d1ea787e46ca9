import { GetTopicAttributesCommand } from "@aws-sdk/client-sns";
import { type Check, fail, pass } from "../types";
import { callCheck } from "./check";

const topicEncrypted = callCheck({
  id: "sns.topic-encryption",
  title: "notification topic is encrypted with KMS",
  operation: "sns:GetTopicAttributes",
  send: ({ outputs, clients }) => clients.sns.send(new GetTopicAttributesCommand({ TopicArn: outputs.notificationTopicArn })),
  judge(res) {
    const key = res.Attributes?.KmsMasterKeyId;
    return key ? pass(`KmsMasterKeyId ${key}`) : fail("the topic has no KmsMasterKeyId; set kmsMasterKeyId on the topic");
  },
});

export const snsChecks: readonly Check[] = [topicEncrypted];
