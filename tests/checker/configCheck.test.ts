// The config check: waiver mistakes in the policy-pack config file, which no policy can see, reported
// as checker-only `waiver-mistakes` findings on the root stack; how the reports show them; and that the
// engine comparison leaves them out.
import * as path from "path";
import {
  parsePolicyConfig,
  reconcilePolicyConfig,
  type ConfigurablePolicy,
  type PolicyConfigMap,
} from "../../checker/analyze/policyConfig";
import { withViolations } from "../../checker/analyze/interpret";
import { configFindings, unusedEntriesWarning, type CheckedStack, type PackPolicyConfig } from "../../checker/configCheck";
import { toJson } from "../../checker/report/json";
import { toSarif } from "../../checker/report/sarif";
import { toText } from "../../checker/report/text";
import type { PackInfo } from "../../checker/types";
import { disagreements, verdictFromReport } from "../../engine/conformance/compare";
import { recordedResource } from "./recordedResource";
import { parseReport } from "./reportSchema";
import { sampleReport } from "./sampleReport";
import { sarifProblems } from "./sarifSchema";

const FILE = "/repo/policy-config.json";
const ROOT_URN = "urn:pulumi:dev::kit::pulumi:pulumi:Stack::kit-dev";
const BUCKET_URN = "urn:pulumi:dev::kit::aws:s3/bucket:Bucket::artifacts";

const policies: ConfigurablePolicy[] = [
  { name: "s3-bucket-versioning", enforcementLevel: "mandatory" },
  { name: "kms-key-rotation", enforcementLevel: "mandatory" },
  { name: "waiver-mistakes", enforcementLevel: "advisory" },
];
const pack: PackInfo = {
  name: "kit-pack",
  version: "1.0.0",
  policies: policies.map((p) => ({
    name: p.name,
    description: `${p.name}.`,
    severity: p.name === "waiver-mistakes" ? "low" : "high",
    tags: [],
    remediationSteps: "",
    url: "",
  })),
};

const stack: CheckedStack = { project: "kit", stack: "dev", resources: [recordedResource(ROOT_URN), recordedResource(BUCKET_URN)] };

function configOf(doc: unknown, initial: PolicyConfigMap = {}, packPolicies = policies): PackPolicyConfig {
  const text = JSON.stringify(doc, null, 2);
  const entries = parsePolicyConfig(text, FILE);
  return { file: { file: FILE, text, entries }, reconciled: reconcilePolicyConfig(packPolicies, initial, entries, FILE) };
}

const waiver = (name: string) => ({ resource: name, reason: "legacy bucket", until: "2026-12-31" });

describe("config check", () => {
  it("reports an entry naming no policy, on the root stack at the entry's line, with the closest policy name", () => {
    const config = configOf({ all: "advisory", "s3-bucket-versionning": "mandatory" });
    expect(configFindings(config, pack, stack)).toEqual([
      {
        policy: "waiver-mistakes",
        enforcementLevel: "advisory",
        severity: "low",
        resourceType: "pulumi:pulumi:Stack",
        resourceName: "kit-dev",
        urn: ROOT_URN,
        message:
          "policy config /repo/policy-config.json: entry 's3-bucket-versionning' names no policy of pack kit-pack, so it is passed on unused and its level and waivers apply to nothing: did you mean 's3-bucket-versioning'? Rename the entry or remove it.",
        location: { file: FILE, line: 3 },
        configCheck: true,
      },
    ]);
  });

  it("points at the policy list when no policy name is close", () => {
    const [finding] = configFindings(configOf({ everything: "disabled" }), pack, stack);
    expect(finding.message).toContain("entry 'everything' names no policy of pack kit-pack");
    expect(finding.message).toContain(": use a policy name from docs/policies.md. Rename the entry or remove it.");
  });

  it("reports a config waiver naming no resource of the stack, at its line, with the closest resource name", () => {
    const config = configOf({ "kms-key-rotation": { waivers: [waiver("artifacts"), waiver("artefacts"), waiver("no-such-thing")] } });
    const found = configFindings(config, pack, stack);
    expect(found.map((f) => [f.message, f.location?.line])).toEqual([
      [
        "policy config /repo/policy-config.json: a waiver of kms-key-rotation names resource 'artefacts', which is not in the stack, so it waives nothing: did you mean 'artifacts'? Fix the name, or remove the stale waiver.",
        10,
      ],
      [
        "policy config /repo/policy-config.json: a waiver of kms-key-rotation names resource 'no-such-thing', which is not in the stack, so it waives nothing: no resource of the stack has a similar name. Fix the name, or remove the stale waiver.",
        15,
      ],
    ]);
    expect(found.every((f) => f.configCheck === true && f.urn === ROOT_URN)).toBe(true);
  });

  it("stays silent on a correct config: known policies, the all key, waivers naming a resource by name or URN", () => {
    const config = configOf({
      all: "mandatory",
      "kms-key-rotation": { enforcementLevel: "advisory", waivers: [waiver("artifacts"), waiver(BUCKET_URN)] },
      "s3-bucket-versioning": { waivers: [waiver("kit-dev")] },
    });
    expect(configFindings(config, pack, stack)).toEqual([]);
    expect(configFindings({ reconciled: reconcilePolicyConfig(policies, {}, {}, "policy config") }, pack, stack)).toEqual([]);
  });

  it("leaves malformed waivers to the pack, and waivers under an unknown name to the entry's finding", () => {
    const config = configOf({
      "kms-key-rotation": { waivers: [{ reason: "no resource", until: "2026-12-31" }, null, "artifacts"] },
      "s3-bucket-versioning": { waivers: "not-a-list" },
      "kms-key-rotaton": { waivers: [waiver("gone")] },
    });
    expect(configFindings(config, pack, stack).map((f) => f.message.split(":")[1])).toEqual([
      " entry 'kms-key-rotaton' names no policy of pack kit-pack, so it is passed on unused and its level and waivers apply to nothing",
    ]);
  });

  it("reports at the level configured for waiver-mistakes: all, its own entry, the pack's initial config; disabled silences", () => {
    const levels = (doc: Record<string, unknown>, initial: PolicyConfigMap = {}) =>
      configFindings(configOf({ ...doc, typo: "advisory" }, initial), pack, stack).map((f) => f.enforcementLevel);
    expect(levels({ all: "mandatory" })).toEqual(["mandatory"]);
    expect(levels({ all: "mandatory", "waiver-mistakes": "advisory" })).toEqual(["advisory"]);
    expect(levels({ "waiver-mistakes": "remediate" })).toEqual(["mandatory"]);
    expect(levels({}, { "waiver-mistakes": { enforcementLevel: "mandatory", properties: {} } })).toEqual(["mandatory"]);
    expect(levels({ "waiver-mistakes": "disabled" })).toEqual([]);
    expect(levels({ all: "disabled" })).toEqual([]);
  });

  it("in a pack without waiver-mistakes, warns about unknown entries on stderr instead, as before", () => {
    const without = policies.filter((p) => p.name !== "waiver-mistakes");
    const other: PackInfo = { ...pack, name: "other-pack", policies: pack.policies.filter((p) => p.name !== "waiver-mistakes") };
    const config = configOf({ typo: "advisory", "kms-key-rotation": { waivers: [waiver("gone")] } }, {}, without);
    expect(configFindings(config, other, stack)).toEqual([]);
    expect(unusedEntriesWarning(config, other)).toEqual([
      `${FILE}: 'typo' names no policy of pack other-pack; passed on unused, as the engine does (check for a typo)`,
    ]);
    expect(unusedEntriesWarning(configOf({ typo: "advisory", typo2: "advisory" }, {}, without), other)).toEqual([
      `${FILE}: 'typo', 'typo2' name no policies of pack other-pack; passed on unused, as the engine does (check for a typo)`,
    ]);
    // With waiver-mistakes in the pack the finding replaces the warning: never both.
    expect(unusedEntriesWarning(configOf({ typo: "advisory" }), pack)).toEqual([]);
    expect(unusedEntriesWarning(configOf({ "kms-key-rotation": "advisory" }, {}, without), other)).toEqual([]);
  });

  it("locates an entry written with other escapes at line 1", () => {
    const text = '{"caf\\u00e9": "advisory"}';
    const entries = parsePolicyConfig(text, FILE);
    const [finding] = configFindings(
      { file: { file: FILE, text, entries }, reconciled: reconcilePolicyConfig(policies, {}, entries, FILE) },
      pack,
      stack,
    );
    expect(finding.location).toEqual({ file: FILE, line: 1 });
  });
});

describe("config-check findings in the reports", () => {
  const found = configFindings(configOf({ "kms-key-rotaton": "mandatory" }), pack, stack);
  const report = withViolations(sampleReport, found);

  it("are JSON violations marked configCheck, located in the config file, valid against the schema", () => {
    const parsed = parseReport<{ violations: Record<string, unknown>[] }>(
      toJson(report, { tool: { name: "pipeline-check", version: "1" }, pack, root: "/repo" }),
    );
    const checked = parsed.violations.filter((v) => v.configCheck === true);
    expect(checked).toEqual([
      expect.objectContaining({ policy: "waiver-mistakes", urn: ROOT_URN, location: { file: "policy-config.json", line: 2 } }),
    ]);
    expect(parsed.violations.filter((v) => v.configCheck === undefined)).toHaveLength(sampleReport.violations.length);
  });

  it("are SARIF warnings at the config file's line", () => {
    const log = JSON.parse(
      toSarif(report, {
        pack,
        root: "/repo",
        entry: "/repo/index.ts",
        locations: new Map(),
        toolVersion: "1",
        informationUri: "https://example.com",
      }),
    ) as {
      runs: { results: { ruleId: string; level: string; locations: unknown }[] }[];
    };
    expect(sarifProblems(log)).toEqual([]);
    const result = log.runs[0].results.find((r) => r.ruleId === "waiver-mistakes");
    expect(result).toMatchObject({
      level: "warning",
      locations: [
        { physicalLocation: { artifactLocation: { uri: "policy-config.json", uriBaseId: "SRCROOT" }, region: { startLine: 2 } } },
      ],
    });
  });

  it("are text findings under the root stack", () => {
    expect(toText(report, { colour: false })).toContain(
      `kit-dev (pulumi:pulumi:Stack)\n  advisory waiver-mistakes: policy config ${FILE}: entry 'kms-key-rotaton'`,
    );
  });

  it("are left out of the engine comparison, which no engine run can match", () => {
    expect(disagreements(verdictFromReport(sampleReport), verdictFromReport(report))).toEqual([]);
    const unmarked = { ...report, violations: report.violations.map(({ configCheck: _, ...f }) => f) };
    expect(disagreements(verdictFromReport(sampleReport), verdictFromReport(unmarked))).toEqual([
      `checker only: violation advisory waiver-mistakes on ${ROOT_URN}: ${found[0].message}`,
    ]);
  });

  it("keep a config file outside the root absolute in JSON", () => {
    const parsed = parseReport<{ violations: { location?: unknown }[] }>(
      toJson(report, { tool: { name: "t", version: "1" }, pack, root: path.join("/", "elsewhere") }),
    );
    expect(parsed.violations.map((v) => v.location).filter((l) => l !== undefined)).toEqual([{ file: FILE, line: 2 }]);
  });
});
