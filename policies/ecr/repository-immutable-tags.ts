import { CompliancePolicy, ResourceCheck, resourcePolicy } from "../lib/policy";
import { isUnknown, read } from "../lib/props";
import { setInput } from "../lib/remediation";
import { ECR_REPOSITORY } from "../lib/resource-types";

const IMMUTABLE = ["IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION"];

function validate(check: ResourceCheck): void {
  const mutability = read.string(check.resource.props, "imageTagMutability");
  if (isUnknown(mutability)) {
    check.undecided("imageTagMutability is unknown during preview");
  } else if (mutability === undefined || !IMMUTABLE.includes(mutability)) {
    check.violation(
      `image tags are mutable (imageTagMutability ${mutability ?? "absent, so MUTABLE"}): set imageTagMutability: "IMMUTABLE"`,
    );
  }
}

/**
 * Only `MUTABLE` (or absent) becomes `IMMUTABLE`: `MUTABLE_WITH_EXCLUSION` has filters whose meaning
 * would invert, so it is left for a person to change.
 */
const remediate = setInput("imageTagMutability", (props) => {
  const mutability = read.string(props, "imageTagMutability");
  return mutability === undefined || mutability === "MUTABLE" ? "IMMUTABLE" : undefined;
});

export const repositoryImmutableTags: CompliancePolicy = resourcePolicy({
  name: "ecr-repository-immutable-tags",
  description: "ECR repositories must have immutable image tags.",
  severity: "medium",
  enforcementLevel: "mandatory",
  resourceTypes: [ECR_REPOSITORY],
  docs: {
    what: "An `aws.ecr.Repository` must set `imageTagMutability` to `IMMUTABLE` or `IMMUTABLE_WITH_EXCLUSION`.",
    why: "A mutable tag can be re-pointed by any later push, so the image deployed may not be the one built, scanned and approved.",
    fix: 'Set `imageTagMutability: "IMMUTABLE"` and tag each image with its commit id (enforcement level `remediate` sets it when absent or `MUTABLE`).',
    url: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html",
    compliance: { nist: ["SI-7"] },
  },
  validate,
  remediate,
});
