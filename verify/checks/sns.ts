import { GetTopicAttributesCommand } from "@aws-sdk/client-sns";
import { call } from "../aws-errors";
import { type Check, fail, pass } from "../types";

const topicEncrypted: Check = {
  id: "sns.topic-encryption",
  title: "notification topic is encrypted with KMS",
  async run({ outputs, clients }) {
    const res = await call("sns:GetTopicAttributes", () =>
      clients.sns.send(new GetTopicAttributesCommand({ TopicArn: outputs.notificationTopicArn })),
    );
    const key = res.Attributes?.KmsMasterKeyId;
    return key ? pass(`KmsMasterKeyId ${key}`) : fail("the topic has no KmsMasterKeyId; set kmsMasterKeyId on the topic");
  },
};

export const snsChecks: readonly Check[] = [topicEncrypted];
