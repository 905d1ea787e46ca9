/**
 * A tag rather than a buildspec heuristic: the reason is stated by the owner and reviewed with the
 * pull request, and the buildspec may live in the source repository where the pack cannot read it.
 */
import { nameMatches } from "../lib/names";
import { CompliancePolicy, ResourceCheck, resourcePolicy, stringList } from "../lib/policy";
import { isUnknown, knownOr, lookup, read } from "../lib/props";
import { undecidedWhenUnknown } from "../lib/state";
import { CODEBUILD_PROJECT } from "../lib/resource-types";

export const PRIVILEGED_REASON_TAG = "compliance:privileged-reason";

function validate(check: ResourceCheck): void {
  const props = check.resource.props;
  const privileged = read.boolean(props, "environment.privilegedMode");
  if (undecidedWhenUnknown(check, privileged, "environment.privilegedMode")) {
    return;
  }
  if (privileged !== true) {
    return;
  }
  const allowed = knownOr(read.array(check.config, "allowedProjects"), []);
  if (nameMatches(allowed, [check.resource.name, read.string(props, "name")])) {
    return;
  }
  const reason = lookup(props, ["tags", PRIVILEGED_REASON_TAG]);
  if (typeof reason === "string" && reason.trim() !== "") {
    return;
  }
  // An unknown tags map reads as an unknown reason too.
  if (isUnknown(reason)) {
    check.undecided(`the project runs in privileged mode and its ${PRIVILEGED_REASON_TAG} tag is unknown during preview`);
    return;
  }
  check.violation(
    `the project runs in privileged mode (root on the build host's Docker daemon): turn it off, or for an image build ` +
      `state why with a tag ${PRIVILEGED_REASON_TAG} or list the project in the policy config allowedProjects`,
  );
}

export const codebuildPrivilegedMode: CompliancePolicy = resourcePolicy({
  name: "codebuild-privileged-mode",
  description: "CodeBuild privileged mode only for projects that state why (tag compliance:privileged-reason) or are allowed in config.",
  severity: "high",
  enforcementLevel: "mandatory",
  resourceTypes: [CODEBUILD_PROJECT],
  config: {
    allowedProjects: stringList("Projects (logical name or `name` input; `*` wildcards) allowed to run in privileged mode."),
  },
  docs: {
    what: `\`environment.privilegedMode: true\` needs a non-empty tag \`${PRIVILEGED_REASON_TAG}\` on the project or an entry in the config \`allowedProjects\`.`,
    why: "Privileged builds get root on the build host's Docker daemon, so a compromised dependency or buildspec can escape the build container; only image builds need it.",
    fix: `Set \`privilegedMode: false\`; for a project that builds images, add the tag \`${PRIVILEGED_REASON_TAG}\` with the reason (e.g. "builds the application image with docker").`,
    url: "https://docs.aws.amazon.com/codebuild/latest/userguide/sample-docker.html",
    compliance: { nist: ["AC-6", "CM-7"] },
  },
  validate,
});
