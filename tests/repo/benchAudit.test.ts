// The audit benchmark's generated exports (their own stacks and names, some failing) and its figures.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { auditFigures, auditRecording, perExportOverAudit, writeAuditExports } from "../../bench/audit";
import { readStateExport } from "../../checker/record/stateExport";
import type { Recording } from "../../checker/types";
import { recordedResource } from "../checker/recordedResource";

const urn = (type: string, name: string): string => `urn:pulumi:dev::kit::${type}::${name}`;
const KEY = urn("aws:kms/key:Key", "key");
const ALIAS = urn("aws:kms/alias:Alias", "alias");
const template: Recording = {
  project: "kit",
  stack: "dev",
  entry: "index.ts",
  invokes: [],
  resources: [
    recordedResource(urn("pulumi:pulumi:Stack", "kit-dev"), {}),
    recordedResource(KEY, { inputs: { enableKeyRotation: true }, outputs: { enableKeyRotation: true, arn: "arn:key" } }),
    recordedResource(ALIAS, { inputs: { targetKeyId: KEY }, dependencies: [KEY], parent: KEY }),
  ],
};

describe("audit exports", () => {
  it("put each export in a stack of its own, with its own resource names and references kept inside it", () => {
    const r = auditRecording(template, 3, 7, false);
    expect(r.stack).toBe("audit-7");
    expect(r.resources.map((x) => x.urn)).toEqual([
      "urn:pulumi:audit-7::kit::pulumi:pulumi:Stack::kit-dev-7",
      "urn:pulumi:audit-7::kit::aws:kms/key:Key::key-7",
      "urn:pulumi:audit-7::kit::aws:kms/alias:Alias::alias-7",
    ]);
    expect(r.resources.map((x) => x.name)).toEqual(["kit-dev-7", "key-7", "alias-7"]);
    const alias = r.resources[2];
    expect([alias.inputs.targetKeyId, alias.dependencies, alias.parent]).toEqual([
      "urn:pulumi:audit-7::kit::aws:kms/key:Key::key-7",
      ["urn:pulumi:audit-7::kit::aws:kms/key:Key::key-7"],
      "urn:pulumi:audit-7::kit::aws:kms/key:Key::key-7",
    ]);
    expect(r.resources[1].inputs.enableKeyRotation).toBe(true);
  });

  it("turn key rotation off in the inputs and outputs of a failing export's keys only", () => {
    const r = auditRecording(template, 3, 0, true);
    expect(r.resources.map((x) => [x.inputs.enableKeyRotation, x.outputs.enableKeyRotation])).toEqual([
      [undefined, undefined],
      [false, false],
      [undefined, undefined],
    ]);
    expect(r.resources[1].outputs.arn).toBe("arn:key");
  });

  it("are written as exports the checker reads, every n-th failing", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-audit-"));
    try {
      const files = writeAuditExports(template, dir, 4, 3, 3);
      expect(files.map((f) => path.basename(f))).toEqual(["stack-00000.json", "stack-00001.json", "stack-00002.json", "stack-00003.json"]);
      const read = files.map((f) => readStateExport(f));
      expect(read.map((r) => r.stack)).toEqual(["audit-0", "audit-1", "audit-2", "audit-3"]);
      expect(read.map((r) => r.resources.find((x) => x.type === "aws:kms/key:Key")?.inputs.enableKeyRotation)).toEqual([
        false,
        true,
        true,
        false,
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("audit figures", () => {
  it("extrapolate the sampled check's median to every export and give the ratio to the audit", () => {
    expect(auditFigures(1000, 100, 200, 40_000, { checkMedianMs: 1200, sampled: 20 })).toEqual({
      exports: 1000,
      resourcesPerExport: 100,
      failing: 200,
      auditMs: 40_000,
      checkPerExportMs: 1200,
      sampled: 20,
      checksExtrapolatedMs: 1_200_000,
      checksOverAudit: 30,
    });
  });

  it("give the ratio of one run per export to the audit, to two decimals", () => {
    expect(perExportOverAudit(15_214, 300, 125_473)).toBe(36.38);
  });
});
