import { CompliancePolicy, ResourceCheck, resourcePolicy } from "../lib/policy";
import { isUnknown, read } from "../lib/props";
import { setInput } from "../lib/remediation";
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

/** Sets the flag, creating the block when absent. */
const remediate = setInput(PATH, (props) => (read.boolean(props, PATH) === true ? undefined : true));

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
