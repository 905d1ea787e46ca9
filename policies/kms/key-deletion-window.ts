/**
 * kms-key-deletion-window
 *
 * What: a KMS key's `deletionWindowInDays` must be at least the config `minimumDays` (absent means
 * AWS's 30).
 * Why: deleting a key is irreversible and makes everything encrypted under it unreadable; the
 * window is the only time to notice a mistaken or malicious deletion and cancel it.
 * Default: 7, AWS's own minimum, because the pack's defaults must hold in every environment and a
 * dev stack's disposable key rightly uses 7 (the reference dev stack does). Gates for stacks whose
 * data matters raise it through the pack config: 14 for staging, 30 for production, as the
 * reference stack's own environments do. A pending-deletion key is not billed, so longer costs
 * nothing.
 * Fix: set `deletionWindowInDays` to at least the minimum (or leave it out for 30).
 * https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html
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
        check.violation(`deletionWindowInDays is ${days}, below the minimum of ${minimum} days: a mistaken deletion could not be noticed and cancelled in time`);
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
        fix: "Set `deletionWindowInDays` to the minimum or more, or remove it to get 30 days; gates for staging and production should set `minimumDays` to 14 and 30.",
        url: "https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html",
        compliance: { nist: ["SC-12"] },
    },
    validate,
});
