import { analyzeResource, of, secret, unknown } from "../harness";
import { pipeline, PIPELINE } from "./pipeline";

const POLICY = "codepipeline-artifact-store-cmk";

async function findings(props: Record<string, unknown>) {
  return of(POLICY, await analyzeResource(PIPELINE, "pipeline", props));
}

const store = (encryptionKey: unknown) => ({ location: "artifacts", type: "S3", encryptionKey });
const stores = (...list: unknown[]) => pipeline({ artifactStores: list });

describe(POLICY, () => {
  it("passes customer-managed keys, known, secret or unknown at preview", async () => {
    for (const id of ["arn:aws:kms:us-east-1:111111111111:key/abc", "alias/pipeline", secret("alias/pipeline"), unknown]) {
      expect(await findings(stores(store({ id, type: "KMS" })))).toEqual([]);
    }
  });

  it("reports a store without encryptionKey, at advisory, naming the store", async () => {
    const result = await findings(stores(store({ id: "alias/pipeline", type: "KMS" }), store(undefined)));
    expect(result).toEqual([
      expect.objectContaining({ level: "advisory", message: expect.stringMatching(/^artifactStores\[1\] has no encryptionKey/) }),
    ]);
  });

  it("reports the AWS-managed key, a missing id and a wrong type", async () => {
    const result = await findings(
      stores(
        store({ id: "alias/aws/s3", type: "KMS" }),
        store({ type: "KMS" }),
        store({ id: "alias/pipeline" }),
        store({ id: "", type: "AES" }),
      ),
    );
    expect(result.map((d) => d.message)).toEqual([
      expect.stringContaining('artifactStores[0].encryptionKey.id "alias/aws/s3" is an AWS-managed key'),
      expect.stringContaining("artifactStores[1].encryptionKey has no id"),
      expect.stringContaining("artifactStores[2].encryptionKey.type is not set"),
      expect.stringContaining('artifactStores[3].encryptionKey.type is "AES"'),
      expect.stringContaining("artifactStores[3].encryptionKey has no id"),
    ]);
  });

  it("reads only artifactStores, the provider's input: a pipeline without it has nothing to judge", async () => {
    expect(await findings(pipeline({ artifactStores: undefined }))).toEqual([]);
    expect(await findings(pipeline({ artifactStores: [] }))).toEqual([]);
  });

  it("reports undecided for unknown stores, keys and key types", async () => {
    const cases = [
      pipeline({ artifactStores: unknown }),
      stores(unknown),
      stores(store(unknown)),
      stores(store({ id: "alias/pipeline", type: unknown })),
    ];
    for (const props of cases) {
      expect((await findings(props)).map((d) => d.message)).toEqual([expect.stringMatching(/^\[undecided\] /)]);
    }
  });
});
