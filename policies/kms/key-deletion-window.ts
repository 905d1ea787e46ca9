/**
 * The default is AWS's own minimum, 7, because the pack's defaults must hold in every environment and
 * a dev stack's disposable key rightly uses 7 (the reference dev stack does); gates for stacks whose
 * data matters raise it through the pack config, as the reference stack's own environments do.
 */
import { CompliancePolicy, ResourceCheck, resourcePolicy } from "../lib/policy";
import { isUnknown, knownOr, read } from "../lib/props";
import { KMS_KEY } from "../lib/resource-types";

/** What AWS applies when the input is absent. */
const AWS_DEFAULT_DAYS = 30;

function validate(check: ResourceCheck): void {
  const minimum = knownOr(read.number(check.config, "minimumDays"), 0);
  const days = read.number(check.resource.props, "deletionWindowInDays");
  if (isUnknown(days)) {
    check.undecided("deletionWindowInDays is unknown during preview");
  } else if ((days ?? AWS_DEFAULT_DAYS) < minimum) {
    check.violation(
      `deletionWindowInDays is ${days}, below the minimum of ${minimum} days: a mistaken deletion could not be noticed and cancelled in time`,
    );
  }
}

export const keyDeletionWindow: CompliancePolicy = resourcePolicy({
  name: "kms-key-deletion-window",
  description: "A KMS key's deletion window must be at least the configured minimum (7 days unless configured).",
  severity: "medium",
  enforcementLevel: "advisory",
  resourceTypes: [KMS_KEY],
  config: {
    minimumDays: {
      type: "integer",
      minimum: 7,
      maximum: 30,
      default: 7,
      description: "Shortest accepted deletionWindowInDays (AWS allows 7 to 30); 14 for staging and 30 for production are sensible.",
    },
  },
  docs: {
    what: "An `aws.kms.Key` must set `deletionWindowInDays` to at least the config `minimumDays` (default 7, AWS's minimum; raise it per environment), or leave it unset (AWS uses 30).",
    why: "Key deletion is irreversible and leaves all data encrypted under the key unreadable; the waiting period is the only chance to cancel a mistaken or malicious deletion.",
    fix: "Set `deletionWindowInDays` to the minimum or more, or remove it to get 30 days; gates for staging and production should set `minimumDays` to 14 and 30 (a key pending deletion is not billed, so a longer window costs nothing).",
    url: "https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html",
    compliance: { nist: ["SC-12"] },
  },
  validate,
});
