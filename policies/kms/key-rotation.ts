import { CompliancePolicy, ResourceCheck, resourcePolicy } from "../lib/policy";
import { isUnknown, read, Unknown, UNKNOWN } from "../lib/props";
import { setInput } from "../lib/remediation";
import { KMS_KEY } from "../lib/resource-types";

/** Whether the key can rotate: only symmetric encryption keys outside custom key stores can. */
function rotatable(props: unknown): boolean | Unknown {
  const spec = read.string(props, "customerMasterKeySpec");
  const store = read.string(props, "customKeyStoreId");
  if ((typeof spec === "string" && spec !== "SYMMETRIC_DEFAULT") || typeof store === "string") {
    return false;
  }
  return isUnknown(spec) || isUnknown(store) ? UNKNOWN : true;
}

function validate(check: ResourceCheck): void {
  const props = check.resource.props;
  const rotation = read.boolean(props, "enableKeyRotation");
  if (rotation === true) {
    return;
  }
  const canRotate = rotatable(props);
  if (canRotate === false) {
    return;
  }
  if (isUnknown(rotation) || isUnknown(canRotate)) {
    check.undecided(
      "enableKeyRotation, customerMasterKeySpec or customKeyStoreId is unknown during preview: cannot tell whether the key rotates",
    );
    return;
  }
  check.violation("the symmetric key does not rotate its key material: set enableKeyRotation: true");
}

const remediate = setInput("enableKeyRotation", (props) =>
  rotatable(props) === true && read.boolean(props, "enableKeyRotation") !== true ? true : undefined,
);

export const keyRotation: CompliancePolicy = resourcePolicy({
  name: "kms-key-rotation",
  description: "Symmetric KMS keys must have automatic key rotation enabled.",
  severity: "medium",
  enforcementLevel: "mandatory",
  resourceTypes: [KMS_KEY],
  docs: {
    what: "An `aws.kms.Key` that is a symmetric encryption key (no `customerMasterKeySpec`, or `SYMMETRIC_DEFAULT`) outside a custom key store must set `enableKeyRotation: true`.",
    why: "Rotation retires key material yearly, limiting the data under one version and the use of a leaked one; AWS keeps old versions for decryption, so nothing is re-encrypted.",
    fix: "Set `enableKeyRotation: true` (enforcement level `remediate` does it automatically).",
    url: "https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html",
    compliance: { cis: ["3.6"], nist: ["SC-12"], pci: ["3.7.4"] },
  },
  validate,
  remediate,
});
