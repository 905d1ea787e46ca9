/** Type token of the CloudWatch Logs log group. */
export const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
