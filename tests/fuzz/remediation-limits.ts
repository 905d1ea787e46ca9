/**
 * Violations a policy's remediation cannot fix, so they may survive it. A remediable policy not
 * listed here is expected to fix every violation it reports; one that cannot must say which here,
 * with the reason, rather than have the fuzz accept anything.
 */

// A malformed waiver is the author's to correct: no remediation may guess what it meant.
const MALFORMED_WAIVER = /^malformed waiver for /;

const LIMITS: Readonly<Record<string, RegExp>> = {
  // Only the single-region case has one right answer (no region); a cross-region pipeline's
  // missing, duplicate or foreign regions need the author to choose the regions.
  "codepipeline-artifact-store-region":
    /^artifactStores\[\d+\] sets no region|^artifactStores\[\d+\] and artifactStores\[\d+\] both use region|^no artifact store is in the pipeline's own region/,
};

/** Tells whether a violation message of `policyName` is one its remediation cannot fix. */
export function unfixableBy(policyName: string): (message: string) => boolean {
  const limit = LIMITS[policyName];
  return (message) => MALFORMED_WAIVER.test(message) || (limit !== undefined && limit.test(message));
}
