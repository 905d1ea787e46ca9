// The impact of a level change, from one audit report: which policies the policy config raised or lowered
// from the pack's own level, and which stacks fail only because of that. Read from the report alone (its
// policies' pack levels, the effective config, the matrix), so a merged report tells what one run tells.
import type { EnforcementLevel } from "../types";
import type { AuditReport } from "./report";

/** Weakest first: a level later than the pack's is a raise, earlier a lowering. */
const STRENGTH: readonly string[] = ["disabled", "advisory", "remediate", "mandatory"];

/** A policy whose audited level is not the pack's. */
export interface LevelChange {
  policy: string;
  /** The level the pack declares. */
  pack: EnforcementLevel;
  /** The level the audit ran it at (the effective policy config's). */
  audited: EnforcementLevel;
  raised: boolean;
  /** The stacks (`project/stack`) it fails at the audited level, in audit order. */
  stops: string[];
  /**
   * Mandatory at the pack's level, but at the audited level (disabled: it did not run; remediate: it fixed
   * instead of reporting) it reported no violation, so the stacks it fails at the pack's level are unknown.
   */
  unseen: boolean;
}

export interface LevelImpact {
  /** Whether the report carries the pack's levels; a report of an earlier version does not, and then nothing below is told. */
  known: boolean;
  /** By policy name. */
  changes: LevelChange[];
  /** Stacks failing at the audited levels that would not fail at the pack's own, by name. */
  startFailing: string[];
}

/** The audited level of a policy, from the effective config Configure sent ("" when the config does not name it). */
export function auditedLevel(report: AuditReport, policy: string): string {
  const entry = report.policyConfig[policy] as { enforcementLevel?: unknown } | undefined;
  return typeof entry?.enforcementLevel === "string" ? entry.enforcementLevel : "";
}

/**
 * What the policy config changed. A stack starts failing when it has a mandatory violation but none that
 * would be mandatory at the pack's levels: of a policy whose level is unchanged (or not carried), a
 * mandatory one; of a changed policy, any violation when the pack's level is mandatory. What cannot be
 * known: a policy the config disabled did not run (one set to remediate fixed instead of reporting), so
 * its findings at the pack's level are unknown; when its pack level is mandatory its change is `unseen`,
 * and a stack listed as starting to fail may already fail at the pack's levels through it. A policy whose
 * level the report does not carry, or the config does not name, is taken as unchanged.
 */
export function levelImpact(report: AuditReport): LevelImpact {
  const packLevels = new Map(report.policies.flatMap((p) => (p.enforcementLevel ? [[p.name, p.enforcementLevel] as const] : [])));
  /** The pack's level of a policy the config changed; undefined when unchanged, or when either level is unknown. */
  const changed = (policy: string): EnforcementLevel | undefined => {
    const pack = packLevels.get(policy);
    const audited = auditedLevel(report, policy);
    return audited !== "" && pack !== audited ? pack : undefined;
  };
  const changes = [...packLevels.keys()]
    .filter((policy) => changed(policy) !== undefined)
    .sort()
    .map((policy): LevelChange => {
      const pack = packLevels.get(policy) as EnforcementLevel;
      const audited = auditedLevel(report, policy) as EnforcementLevel;
      return {
        policy,
        pack,
        audited,
        raised: STRENGTH.indexOf(audited) > STRENGTH.indexOf(pack),
        stops: report.matrix[policy]?.mandatory ?? [],
        unseen: pack === "mandatory" && (audited === "disabled" || audited === "remediate"),
      };
    });
  const failing = new Set<string>();
  const failingAtPack = new Set<string>();
  for (const [policy, row] of Object.entries(report.matrix)) {
    row.mandatory.forEach((id) => failing.add(id));
    const pack = changed(policy);
    const atPack = pack === undefined ? row.mandatory : pack === "mandatory" ? [...row.mandatory, ...row.advisory] : [];
    atPack.forEach((id) => failingAtPack.add(id));
  }
  return {
    known: packLevels.size > 0,
    changes,
    startFailing: [...failing].filter((id) => !failingAtPack.has(id)).sort(),
  };
}
