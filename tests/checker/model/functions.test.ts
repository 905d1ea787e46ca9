import { answerFunction, isModelledFunction, PLACEHOLDER_ACCOUNT_ID, UNKNOWN, type PropertyMap } from "../../../model";

const answer = (token: string, provider: PropertyMap, args: PropertyMap = {}): unknown => answerFunction({ token, args, provider }).outputs;

describe("functions the model does not compute", () => {
  it("answers every output unknown by name, or the whole result unknown without names, and says it did not answer", () => {
    expect(isModelledFunction("aws:ec2/getVpc:getVpc")).toBe(false);
    expect(answerFunction({ token: "aws:ec2/getVpc:getVpc", args: {}, provider: {} }, () => ["id", "cidrBlock"])).toEqual({
      answered: false,
      outputs: { id: UNKNOWN, cidrBlock: UNKNOWN },
      failures: [],
    });
    expect(answerFunction({ token: "docker:index/getRegistryImage:getRegistryImage", args: {}, provider: {} })).toEqual({
      answered: false,
      outputs: UNKNOWN,
      failures: [],
    });
  });
});

describe("account and region functions", () => {
  const identity = "aws:index/getCallerIdentity:getCallerIdentity";

  it("answers the account from a single allowedAccountIds entry, the placeholder without one, unknown with several", () => {
    expect(answer(identity, { region: "eu-west-1" })).toEqual({
      accountId: PLACEHOLDER_ACCOUNT_ID,
      id: PLACEHOLDER_ACCOUNT_ID,
      arn: UNKNOWN,
      userId: UNKNOWN,
    });
    expect(answer(identity, { allowedAccountIds: '["111111111111"]' })).toMatchObject({ accountId: "111111111111" });
    expect(answer(identity, { allowedAccountIds: ["222222222222"] })).toMatchObject({ accountId: "222222222222" });
    expect(answer(identity, { allowedAccountIds: "333333333333" })).toMatchObject({ accountId: UNKNOWN });
    expect(answer(identity, { allowedAccountIds: "[not json" })).toMatchObject({ accountId: UNKNOWN });
    expect(answer(identity, { allowedAccountIds: ["1", "2"] })).toMatchObject({ accountId: UNKNOWN });
    expect(answer(identity, { allowedAccountIds: UNKNOWN })).toMatchObject({ accountId: UNKNOWN });
    expect(answer(identity, { allowedAccountIds: [1] })).toMatchObject({ accountId: UNKNOWN });
    const secret = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: '["444444444444"]' };
    expect(answer(identity, { allowedAccountIds: secret })).toMatchObject({ accountId: "444444444444" });
  });

  it("answers the region from the call, else the provider, and unknown when neither names it", () => {
    const region = "aws:index/getRegion:getRegion";
    expect(answer(region, { region: "eu-west-1" })).toEqual({
      id: "eu-west-1",
      name: "eu-west-1",
      region: "eu-west-1",
      endpoint: "ec2.eu-west-1.amazonaws.com",
      description: UNKNOWN,
    });
    expect(answer(region, { region: "eu-west-1" }, { region: "cn-north-1" })).toMatchObject({
      region: "cn-north-1",
      endpoint: "ec2.cn-north-1.amazonaws.com.cn",
    });
    expect(answer(region, {}, { name: "us-west-2" })).toMatchObject({ region: "us-west-2" });
    expect(answer(region, { region: "eu-west-1" }, { endpoint: "ec2.us-west-2.amazonaws.com" })).toMatchObject({
      region: UNKNOWN,
      endpoint: UNKNOWN,
    });
    expect(answer(region, {})).toMatchObject({ region: UNKNOWN, endpoint: UNKNOWN });
  });

  it("answers the partition of the provider's region", () => {
    const partition = (region: unknown): unknown => answer("aws:index/getPartition:getPartition", { region });
    expect(partition("us-east-1")).toEqual({ id: "aws", partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" });
    expect(partition("cn-northwest-1")).toMatchObject({ partition: "aws-cn", dnsSuffix: "amazonaws.com.cn" });
    expect(partition("us-gov-west-1")).toMatchObject({ partition: "aws-us-gov", dnsSuffix: "amazonaws.com" });
    expect(partition("us-iso-east-1")).toMatchObject({ partition: "aws-iso", dnsSuffix: "c2s.ic.gov" });
    expect(partition("us-isob-east-1")).toMatchObject({ partition: "aws-iso-b", dnsSuffix: "sc2s.sgov.gov" });
    for (const region of ["eu-isoe-west-1", "somewhere", undefined, UNKNOWN]) {
      expect(partition(region)).toEqual({ id: UNKNOWN, partition: UNKNOWN, dnsSuffix: UNKNOWN, reverseDnsPrefix: UNKNOWN });
    }
  });

  it("answers placeholder zone names for the plain call and unknown ones when filters decide", () => {
    const zones = "aws:index/getAvailabilityZones:getAvailabilityZones";
    expect(answer(zones, { region: "eu-west-1" })).toEqual({
      id: "eu-west-1",
      region: "eu-west-1",
      names: ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
      zoneIds: UNKNOWN,
      groupNames: UNKNOWN,
    });
    expect(answer(zones, { region: "eu-west-1" }, { excludeNames: ["eu-west-1b"], state: "available" })).toMatchObject({
      names: ["eu-west-1a", "eu-west-1c"],
      state: "available",
    });
    for (const args of [
      { filters: [{ name: "opt-in-status", values: ["opted-in"] }] },
      { excludeZoneIds: ["euw1-az1"] },
      { allAvailabilityZones: true },
      { state: "unavailable" },
    ]) {
      expect(answer(zones, { region: "eu-west-1" }, args)).toMatchObject({ names: UNKNOWN });
    }
    expect(answer(zones, {})).toMatchObject({ region: UNKNOWN, names: UNKNOWN });
  });
});
