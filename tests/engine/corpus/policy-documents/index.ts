// IAM and bucket policies written with aws.iam.getPolicyDocument: an admin statement, a TLS-only
// bucket policy, notPrincipals, conditions, and documents merged with source/override documents.
import * as aws from "@pulumi/aws";

const role = new aws.iam.Role("app", {
  assumeRolePolicy: aws.iam.getPolicyDocumentOutput({
    statements: [{ actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["codebuild.amazonaws.com"] }] }],
  }).json,
});

const admin = aws.iam.getPolicyDocumentOutput({ statements: [{ sid: "Everything", actions: ["*"], resources: ["*"] }] });
new aws.iam.RolePolicy("admin", { role: role.name, policy: admin.json });

const base = aws.iam.getPolicyDocumentOutput({
  statements: [{ sid: "Read", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::corpus-bucket/*"] }],
});
const merged = aws.iam.getPolicyDocumentOutput({
  sourcePolicyDocuments: [base.json],
  overridePolicyDocuments: [
    aws.iam.getPolicyDocumentOutput({
      statements: [{ sid: "Read", actions: ["s3:GetObject", "s3:PutObject"], resources: ["*"] }],
    }).json,
  ],
});
new aws.iam.RolePolicy("merged", { role: role.name, policy: merged.minifiedJson });

const bucket = new aws.s3.Bucket("data", { bucket: "corpus-data-dev" });
new aws.s3.BucketPolicy("tls-only", {
  bucket: bucket.id,
  policy: aws.iam.getPolicyDocumentOutput({
    statements: [
      {
        sid: "DenyInsecureTransport",
        effect: "Deny",
        actions: ["s3:*"],
        notPrincipals: [{ type: "AWS", identifiers: ["arn:aws:iam::123456789012:root"] }],
        resources: ["arn:aws:s3:::corpus-data-dev", "arn:aws:s3:::corpus-data-dev/*"],
        conditions: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      },
    ],
  }).json,
});
