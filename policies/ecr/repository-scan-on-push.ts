import { CompliancePolicy, ResourceCheck, resourcePolicy, Subject } from "../lib/policy";
import { isUnknown, read } from "../lib/props";
import { ECR_REPOSITORY } from "../lib/resource-types";

const PATH = "imageScanningConfiguration.scanOnPush";

function validate(check: ResourceCheck): void {
  const scanOnPush = read.boolean(check.resource.props, PATH);
  if (isUnknown(scanOnPush)) {
    check.undecided(`${PATH} is unknown during preview`);
  } else if (scanOnPush !== true) {
    check.violation("images are not scanned on push: set imageScanningConfiguration.scanOnPush: true");
  }
}

/** Sets the flag in place, creating the block when absent, so other inputs and secrets stay as they are. */
function remediate(resource: Subject): object | undefined {
  const props = resource.props as Record<string, unknown>;
  const scanOnPush = read.boolean(props, PATH);
  if (scanOnPush === true || isUnknown(scanOnPush) || isUnknown(read.object(props, "imageScanningConfiguration"))) {
    return undefined;
  }
  const block = read.object(props, "imageScanningConfiguration");
  if (block === undefined) {
    props.imageScanningConfiguration = { scanOnPush: true };
  } else {
    (block as Record<string, unknown>).scanOnPush = true;
  }
  return props;
}

export const repositoryScanOnPush: CompliancePolicy = resourcePolicy({
  name: "ecr-repository-scan-on-push",
  description: "ECR repositories must scan images on push.",
  severity: "medium",
  enforcementLevel: "mandatory",
  resourceTypes: [ECR_REPOSITORY],
  docs: {
    what: "An `aws.ecr.Repository` must set `imageScanningConfiguration.scanOnPush: true`.",
    why: "Scanning each pushed image finds known vulnerabilities before the image is deployed, and keeps the findings next to the image for review.",
    fix: "Set `imageScanningConfiguration: { scanOnPush: true }` (enforcement level `remediate` does it). With registry-level enhanced scanning, waive the policy instead.",
    url: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning-basic.html",
    compliance: { nist: ["RA-5", "SI-2"], pci: ["6.3.1"] },
  },
  validate,
  remediate,
});
