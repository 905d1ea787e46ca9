import { analyzeResource, of, unknown, urnOf } from "../harness";

const POLICY = "kms-key-policy-not-public";
const KEY = "aws:kms/key:Key";
const KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";

const admin = { Sid: "Admin", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "kms:*", Resource: "*" };
const anyone = { Sid: "Anyone", Effect: "Allow", Principal: { AWS: "*" }, Action: ["kms:Decrypt"], Resource: "*" };
const doc = (...Statement: unknown[]) => ({ Version: "2012-10-17", Statement });

async function findings(type: string, policy: unknown) {
  return of(POLICY, await analyzeResource(type, "key", { policy }));
}

describe("kms-key-policy-not-public", () => {
  it("reports an unconditioned wildcard on a key's policy and on a KeyPolicy", async () => {
    expect(await findings(KEY, JSON.stringify(doc(admin, anyone)))).toEqual([
      expect.objectContaining({
        level: "mandatory",
        urn: urnOf(KEY, "key"),
        message: expect.stringMatching(/^policy Statement\[1\] \(Sid "Anyone"\) allows anyone .* to use the key/),
      }),
    ]);
    expect(await findings(KEY_POLICY, doc(anyone))).toEqual([expect.objectContaining({ urn: urnOf(KEY_POLICY, "key") })]);
  });

  it("passes the account root and conditioned wildcards, and keys without a policy", async () => {
    const viaService = {
      ...anyone,
      Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com", "kms:CallerAccount": "111111111111" } },
    };
    expect(await findings(KEY, doc(admin, viaService))).toEqual([]);
    expect(await findings(KEY, undefined)).toEqual([]);
  });

  it("is undecided on an unknown policy, and reports a malformed one", async () => {
    expect(await findings(KEY, unknown)).toEqual([
      expect.objectContaining({
        level: "advisory",
        message: "[undecided] policy is unknown during preview: cannot tell whether it opens the key to anyone",
      }),
    ]);
    expect(await findings(KEY, "[1]")).toEqual([
      expect.objectContaining({ level: "mandatory", message: expect.stringMatching(/^policy is not a JSON object/) }),
    ]);
  });
});
