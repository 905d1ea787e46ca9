// The impact of a level change, from hand-built audit reports: which policies the config raised or
// lowered from the pack's own level, which stacks would start failing, what cannot be told, and how the
// text report shows it (nothing when no level changed).
import { levelImpact } from "../../checker/audit/impact";
import { mergeShards, type Shard } from "../../checker/audit/merge";
import { auditJson, auditReport, auditText, type AuditHead, type AuditReport, type AuditStack } from "../../checker/audit/report";
import { jsonReport } from "../../checker/report/json";
import type { EnforcementLevel } from "../../checker/types";
import { auditProblems } from "./reportSchema";
import { finding } from "./sampleReport";

const tool = { name: "pipeline-check", version: "9.9.9" };
const pack = { name: "p", version: "1.0.0" };

/** A policy's level as the pack declares it (undefined: a report of an earlier version) and as audited. */
type Levels = [pack: EnforcementLevel | undefined, audited: EnforcementLevel];

/** An audit of stacks `app/<name>`, each with violations given as policy and level. */
function audit(levels: Record<string, Levels>, stacks: Record<string, [string, "mandatory" | "advisory"][]>): AuditReport {
  const head = {
    tool,
    pack,
    policyConfig: Object.fromEntries(
      Object.entries(levels).map(([name, [, audited]]) => [name, { enforcementLevel: audited, properties: {} }]),
    ),
    policies: Object.entries(levels).map(([name, [declared]]) => ({
      name,
      description: "d",
      severity: "low" as const,
      tags: [],
      remediationSteps: "",
      url: "",
      ...(declared ? { enforcementLevel: declared } : {}),
    })),
  };
  const entries = Object.entries(stacks).map(([stack, found]) => {
    const violations = found.map(([policy, enforcementLevel], i) => finding({ policy, enforcementLevel, resourceName: `r${i}` }));
    const report = { resources: 1, violations, waived: [], undecided: [], remediated: [], unansweredFunctions: [] };
    return { source: `${stack}.json`, project: "app", stack, report: jsonReport(report, { tool, pack }) };
  });
  return auditReport(head, entries, []);
}

// tags: raised from advisory; versioning: mandatory at both; logging: lowered from mandatory; kms: unchanged advisory.
const levels: Record<string, Levels> = {
  tags: ["advisory", "mandatory"],
  versioning: ["mandatory", "mandatory"],
  logging: ["mandatory", "advisory"],
  kms: ["advisory", "advisory"],
};
const stacks: Record<string, [string, "mandatory" | "advisory"][]> = {
  // Fails only through the raised policy: starts failing.
  staging: [
    ["tags", "mandatory"],
    ["kms", "advisory"],
  ],
  // Fails at the pack's levels already, through an unchanged mandatory policy.
  prod: [
    ["tags", "mandatory"],
    ["versioning", "mandatory"],
  ],
  // Fails through the raised policy, and at the pack's levels through the lowered one's advisory finding.
  qa: [
    ["tags", "mandatory"],
    ["logging", "advisory"],
  ],
  // Advisory only: fails at neither.
  dev: [["kms", "advisory"]],
  // Fails only through the raised policy, too.
  sandbox: [["tags", "mandatory"]],
};

describe("the pack's levels in the audit report", () => {
  const report = audit(levels, stacks);

  it("are valid against the audit schema, which rejects a level that is none", () => {
    const doc = JSON.parse(auditJson(report)) as AuditReport;
    expect(doc.policies.map((p) => p.enforcementLevel)).toEqual(["advisory", "mandatory", "mandatory", "advisory"]);
    expect(auditProblems(doc)).toEqual([]);
    const policies = [{ ...doc.policies[0], enforcementLevel: "strict" }];
    expect(auditProblems({ ...doc, policies })).toEqual(["/policies/0/enforcementLevel must be equal to one of the allowed values"]);
  });

  it("merge shards that carry them, and refuse a shard without them beside one with them", () => {
    const { tool: t, pack: p, policyConfig, policies } = report;
    const head = { tool: t, pack: p, policyConfig, policies };
    const [staging, prod] = report.stacks;
    const shard = (file: string, stack: AuditStack, over: Partial<AuditHead> = {}): Shard => ({
      file,
      report: auditReport({ ...head, ...over }, [stack], []),
    });
    // Merged, the stacks come by export path: prod.json before staging.json.
    expect(mergeShards([shard("1.json", staging), shard("2.json", prod)])).toEqual(auditReport(head, [prod, staging], []));
    const earlier = policies.map(({ enforcementLevel: _level, ...rule }) => rule);
    expect(() => mergeShards([shard("1.json", staging), shard("2.json", prod, { policies: earlier })])).toThrow(
      "merge 2.json: run with another effective policy config than 1.json",
    );
  });
});

describe("the impact of a level change", () => {
  it("names each policy whose level the config raised or lowered, with the stacks it stops at the audited level", () => {
    expect(levelImpact(audit(levels, stacks)).changes).toEqual([
      { policy: "logging", pack: "mandatory", audited: "advisory", raised: false, stops: [], unseen: false },
      {
        policy: "tags",
        pack: "advisory",
        audited: "mandatory",
        raised: true,
        stops: ["app/staging", "app/prod", "app/qa", "app/sandbox"],
        unseen: false,
      },
    ]);
  });

  it("lists, by name, the stacks that fail at the audited levels but not at the pack's own", () => {
    const impact = levelImpact(audit(levels, stacks));
    expect(impact).toMatchObject({ known: true, startFailing: ["app/sandbox", "app/staging"] });
  });

  it("changes nothing when every audited level is the pack's", () => {
    const same = { tags: ["advisory", "advisory"], versioning: ["mandatory", "mandatory"] } satisfies Record<string, Levels>;
    expect(levelImpact(audit(same, { prod: [["versioning", "mandatory"]] }))).toEqual({ known: true, changes: [], startFailing: [] });
  });

  it("cannot tell anything from a report without the pack's levels, and takes a policy without one as unchanged", () => {
    const old = audit({ tags: [undefined, "mandatory"] }, { staging: [["tags", "mandatory"]] });
    expect(levelImpact(old)).toEqual({ known: false, changes: [], startFailing: [] });
    const partly = audit(
      { tags: [undefined, "mandatory"], kms: ["advisory", "mandatory"] },
      { staging: [["tags", "mandatory"]], dev: [["kms", "mandatory"]] },
    );
    expect(levelImpact(partly)).toMatchObject({ known: true, changes: [{ policy: "kms" }], startFailing: ["app/dev"] });
  });

  it("takes a policy the effective config does not name as unchanged", () => {
    const report = audit({ tags: ["advisory", "mandatory"] }, { staging: [["tags", "mandatory"]] });
    expect(levelImpact({ ...report, policyConfig: {} })).toEqual({ known: true, changes: [], startFailing: [] });
  });

  it("marks a mandatory policy the config disabled or set to remediate as unseen: what it fails at the pack's level is unknown", () => {
    const report = audit(
      {
        versioning: ["mandatory", "disabled"],
        logging: ["mandatory", "remediate"],
        kms: ["advisory", "disabled"],
        tags: ["disabled", "mandatory"],
      },
      { staging: [["tags", "mandatory"]] },
    );
    expect(levelImpact(report).changes.map((c) => [c.policy, c.raised, c.unseen])).toEqual([
      ["kms", false, false],
      ["logging", false, true],
      ["tags", true, false],
      ["versioning", false, true],
    ]);
    expect(levelImpact(report).startFailing).toEqual(["app/staging"]);
  });
});

describe("the impact in the audit's text", () => {
  const section = (report: AuditReport): string[] => {
    const lines = auditText(report).split("\n");
    return lines.slice(lines.indexOf("Levels the policy config changed from the pack's"), -3);
  };

  it("follows the matrix with each changed policy and the stacks that would start failing", () => {
    expect(section(audit(levels, stacks))).toEqual([
      "Levels the policy config changed from the pack's",
      "  tags: advisory -> mandatory (raised), stops app/staging, app/prod, app/qa, app/sandbox",
      "  mandatory -> advisory (lowered), stopping no stack (1): logging",
      "2 stack(s) would start failing: app/sandbox, app/staging",
    ]);
  });

  it("groups the changes that stop no stack by change, one line each", () => {
    const quiet = audit(
      { logs: ["advisory", "mandatory"], tags: ["advisory", "mandatory"], kms: ["mandatory", "advisory"] },
      { prod: [["other", "advisory"]] },
    );
    expect(section(quiet)).toEqual([
      "Levels the policy config changed from the pack's",
      "  mandatory -> advisory (lowered), stopping no stack (1): kms",
      "  advisory -> mandatory (raised), stopping no stack (2): logs, tags",
      "0 stack(s) would start failing",
    ]);
  });

  it("says when a change starts no stack failing, and when what a policy stops cannot be known", () => {
    expect(section(audit({ versioning: ["mandatory", "disabled"] }, { prod: [["tags", "advisory"]] }))).toEqual([
      "Levels the policy config changed from the pack's",
      "  versioning: mandatory -> disabled (lowered), reported nothing at that level: the stacks it fails at the pack's level are unknown",
      "0 stack(s) would start failing",
    ]);
  });

  it("has no section when no level changed, or the report does not carry the pack's levels", () => {
    const unchanged = audit({ tags: ["mandatory", "mandatory"] }, { prod: [["tags", "mandatory"]] });
    const old = audit({ tags: [undefined, "mandatory"] }, { prod: [["tags", "mandatory"]] });
    expect(auditText(unchanged)).not.toContain("Levels the policy config changed");
    expect(auditText(unchanged)).toBe(auditText(old));
    expect(auditText(unchanged).split("\n").slice(-3)).toEqual([
      "",
      "1 exports, 1 stacks read, 0 unreadable, 1 failing; 1 resources, 1 mandatory, 0 advisory, 0 waived, 0 undecided, 0 remediated",
      "",
    ]);
  });
});
