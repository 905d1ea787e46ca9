import { analyzeResource, of, secret, unknown } from "../harness";
import { project, PROJECT } from "./project";

const POLICY = "codebuild-encryption-key";

async function findings(props: Record<string, unknown>) {
  return of(POLICY, await analyzeResource(PROJECT, "build", props));
}

describe(POLICY, () => {
  it("reports a project without encryptionKey, at advisory", async () => {
    for (const props of [project({ encryptionKey: undefined }), project({ encryptionKey: "" })]) {
      const result = await findings(props);
      expect(result).toEqual([
        expect.objectContaining({ level: "advisory", message: expect.stringContaining("encryptionKey is not set") }),
      ]);
    }
  });

  it("reports the AWS-managed key by alias or alias ARN, also as a secret", async () => {
    for (const key of ["alias/aws/s3", "arn:aws:kms:us-east-1:111111111111:alias/aws/s3", secret("alias/aws/s3")]) {
      const result = await findings(project({ encryptionKey: key }));
      expect(result.map((d) => d.message)).toEqual([expect.stringContaining("is an AWS-managed key")]);
    }
  });

  it("passes a customer-managed key, its alias, and a key output unknown at preview", async () => {
    for (const key of ["arn:aws:kms:us-east-1:111111111111:key/abc", "alias/pipeline", "alias/awsome", unknown]) {
      expect(await findings(project({ encryptionKey: key }))).toEqual([]);
    }
  });

  it("ignores other resource types", async () => {
    expect(of(POLICY, await analyzeResource("aws:s3/bucket:Bucket", "bucket", {}))).toEqual([]);
  });
});
