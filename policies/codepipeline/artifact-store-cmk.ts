/**
 * A key id unknown at preview is another resource's output; a program cannot create an AWS-managed
 * key, so such an id passes.
 */
import { isAwsManagedKey } from "../lib/kms-keys";
import { CompliancePolicy, ResourceCheck, resourcePolicy } from "../lib/policy";
import { isSet, isUnknown, knownOr, read } from "../lib/props";
import { CODEPIPELINE_PIPELINE } from "../lib/resource-types";

const FIX = 'set encryptionKey: { id: <customer-managed key ARN>, type: "KMS" }';

function checkStore(check: ResourceCheck, where: string, store: unknown): void {
  if (isUnknown(store)) {
    check.undecided(`${where} is unknown during preview`);
    return;
  }
  const key = read.object(store, "encryptionKey");
  if (isUnknown(key)) {
    check.undecided(`${where}.encryptionKey is unknown during preview`);
    return;
  }
  if (key === undefined) {
    check.violation(`${where} has no encryptionKey: artifacts are encrypted with the AWS-managed aws/s3 key; ${FIX}`);
    return;
  }
  const type = read.string(key, "type");
  const id = read.string(key, "id");
  if (isUnknown(type)) {
    check.undecided(`${where}.encryptionKey.type is unknown during preview`);
  } else if (type !== "KMS") {
    check.violation(`${where}.encryptionKey.type is ${type === undefined ? "not set" : `"${type}"`}; ${FIX}`);
  }
  if (typeof id === "string" && isAwsManagedKey(id)) {
    check.violation(`${where}.encryptionKey.id "${id}" is an AWS-managed key; ${FIX}`);
  } else if (!isSet(key, "id") || id === "") {
    check.violation(`${where}.encryptionKey has no id; ${FIX}`);
  }
}

function validate(check: ResourceCheck): void {
  const stores = read.array(check.resource.props, "artifactStores");
  if (isUnknown(stores)) {
    check.undecided("artifactStores is unknown during preview");
    return;
  }
  knownOr(stores, []).forEach((store, index) => checkStore(check, `artifactStores[${index}]`, store));
}

export const codepipelineArtifactStoreCmk: CompliancePolicy = resourcePolicy({
  name: "codepipeline-artifact-store-cmk",
  description: "Pipeline artifact stores must be encrypted with a customer-managed KMS key.",
  severity: "medium",
  enforcementLevel: "advisory",
  resourceTypes: [CODEPIPELINE_PIPELINE],
  docs: {
    what: 'Each artifact store needs `encryptionKey` with `type: "KMS"` and an `id` that is not an AWS-managed key such as `alias/aws/s3`.',
    why: "Artifacts carry source code and build outputs; the AWS-managed key cannot be limited to the pipeline's roles, audited per use, or shared with a deploy account.",
    fix: 'Create a customer-managed `aws.kms.Key` (rotation on) and set `encryptionKey: { id: key.arn, type: "KMS" }` on every artifact store.',
    url: "https://docs.aws.amazon.com/codepipeline/latest/userguide/S3-artifact-encryption.html",
    compliance: { nist: ["SC-28", "SC-12"] },
  },
  validate,
});
