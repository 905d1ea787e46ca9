// Offline answers to the data-source calls pipeline programs commonly make. A real preview calls AWS;
// here the values are fixed and plausible, and every call is recorded so the report can say so.
const ACCOUNT = "123456789012";

export function invokeResult(token: string, region: string): Record<string, unknown> {
  switch (token) {
    case "aws:index/getCallerIdentity:getCallerIdentity":
      return { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/offline-check`, userId: "AIDAOFFLINECHECK", id: ACCOUNT };
    case "aws:index/getRegion:getRegion":
      return { name: region, region, id: region, endpoint: `ec2.${region}.amazonaws.com`, description: region };
    case "aws:index/getPartition:getPartition":
      return { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws", id: "aws" };
    case "aws:index/getAvailabilityZones:getAvailabilityZones":
      return {
        id: region,
        names: ["a", "b", "c"].map((z) => `${region}${z}`),
        zoneIds: [1, 2, 3].map((n) => `use1-az${n}`),
        groupNames: [region],
      };
    default:
      return {};
  }
}
