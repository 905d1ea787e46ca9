/**
 * Turns what a policy finds into the SDK's diagnostics: waivers applied (`[waived] `), expired waivers
 * noted, malformed waivers reported, and unknown values turned into `[undecided] ` findings.
 */
import type { EnforcementLevel, ReportViolation } from "@pulumi/policy";
import type { PolicyConfig } from "./policy";
import { isUnknownValueFailure } from "./props";
import { configWaiverProblems, WaiverStatus, WaiverTarget, waiverStatus } from "./waivers";

export const WAIVED = "[waived] ";
export const UNDECIDED = "[undecided] ";

interface Diagnostic {
  readonly message: string;
  readonly urn?: string;
  readonly enforcementLevel?: EnforcementLevel;
}

// The SDK accepts a diagnostic object at runtime (`makeReportViolationFun`), which lets a finding
// carry its own level; leaving the level out keeps the one the engine configured for the policy.
function diagnostics(report: ReportViolation): (diagnostic: Diagnostic) => void {
  return report as unknown as (diagnostic: Diagnostic) => void;
}

/** Emits findings for one policy run, applying the waivers of the resource each finding names. */
export class Findings {
  private readonly emit: (diagnostic: Diagnostic) => void;
  // One run never changes a resource's props, and a policy usually looks each one up twice (its
  // malformed waivers, then each finding), so the lookup is kept for the run.
  private readonly statuses = new Map<WaiverTarget, WaiverStatus>();

  constructor(
    private readonly policyName: string,
    private readonly config: PolicyConfig,
    report: ReportViolation,
  ) {
    this.emit = diagnostics(report);
  }

  private status(target: WaiverTarget): WaiverStatus {
    let status = this.statuses.get(target);
    if (status === undefined) {
      status = waiverStatus(this.policyName, target, this.config.waivers);
      this.statuses.set(target, status);
    }
    return status;
  }

  violation(target: WaiverTarget, message: string): void {
    const status = this.status(target);
    if (status.active) {
      const { reason, until, source } = status.active;
      this.emit({
        message: `${WAIVED}${message} (waived until ${until} by ${source}: ${reason})`,
        urn: target.urn,
        enforcementLevel: "advisory",
      });
      return;
    }
    const notes = status.expired.map((w) => `the waiver by ${w.source} expired on ${w.until} (${w.reason})`);
    if (status.tagsUnknown) {
      notes.push("the resource's tags are unknown during preview, so no tag waiver applies");
    }
    this.emit({ message: notes.length > 0 ? `${message} (${notes.join("; ")})` : message, urn: target.urn });
  }

  undecided(urn: string | undefined, message: string): void {
    this.emit({ message: `${UNDECIDED}${message}`, urn, enforcementLevel: "advisory" });
  }

  /** Malformed waivers are findings in their own right, whether or not the policy finds anything. */
  malformedWaivers(target: WaiverTarget): void {
    for (const problem of this.status(target).problems) {
      this.malformed(target.urn, problem);
    }
  }

  malformedConfig(urn: string | undefined): void {
    for (const problem of configWaiverProblems(this.config.waivers)) {
      this.malformed(urn, problem);
    }
  }

  /** Runs a validation, turning unknown values it could not do without into `[undecided]` findings. */
  guard(urn: string | undefined, validate: () => void): void {
    try {
      validate();
    } catch (error) {
      if (isUnknownValueFailure(error)) {
        this.undecided(urn, `cannot decide: ${error.message}`);
        return;
      }
      throw error;
    }
  }

  private malformed(urn: string | undefined, problem: string): void {
    this.emit({ message: `malformed waiver for ${this.policyName}: ${problem}`, urn });
  }
}
