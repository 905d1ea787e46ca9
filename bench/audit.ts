// The audit benchmark's stacks and figures: many exports of about 100 resources, each its own stack
// with its own resource names, some failing a mandatory policy, judged by one audit run and (for a
// sample) by one `check --state` each, whose median is extrapolated to all of them for the ratio.
import * as fs from "fs";
import * as path from "path";
import type { PropertyMap, RecordedResource, Recording } from "../checker/types";
import { rename, scaleRecording, toStackExport } from "./stacks";

/** The mandatory setting a failing export turns off: key rotation of its KMS keys (kms-key-rotation). */
const KEY_TYPE = "aws:kms/key:Key";

/** The stack of the `index`-th export (URNs say `urn:pulumi:<stack>::`). */
export const auditStackName = (index: number): string => `audit-${index}`;

function failing(r: RecordedResource): RecordedResource {
  if (r.type !== KEY_TYPE) {
    return r;
  }
  const off = (props: PropertyMap): PropertyMap => ({ ...props, enableKeyRotation: false });
  return { ...r, inputs: off(r.inputs), outputs: off(r.outputs) };
}

/**
 * The `index`-th audit export: `template` scaled to `size` resources, every URN moved to the stack
 * `audit-<index>` and every resource name suffixed with the index; `fails` turns key rotation off.
 */
export function auditRecording(template: Recording, size: number, index: number, fails: boolean): Recording {
  const scaled = scaleRecording(template, size);
  const stack = auditStackName(index);
  const moved = (urn: string): string => urn.replace(/^urn:pulumi:[^:]*::/, `urn:pulumi:${stack}::`).replace(/::([^:]*)$/, `::$1-${index}`);
  const urns = new Map(scaled.resources.map((r) => [r.urn, moved(r.urn)]));
  const resources = scaled.resources.map((r) => {
    const renamed = { ...(rename(r, urns) as RecordedResource), name: `${r.name}-${index}` };
    return fails ? failing(renamed) : renamed;
  });
  return { ...scaled, stack, resources };
}

/**
 * Writes `count` exports of `size` resources into `dir` (`stack-<index>.json`), every `failEvery`-th
 * one failing, and returns their paths in order.
 */
export function writeAuditExports(template: Recording, dir: string, count: number, size: number, failEvery: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const file = path.join(dir, `stack-${String(i).padStart(5, "0")}.json`);
    fs.writeFileSync(file, JSON.stringify(toStackExport(auditRecording(template, size, i, i % failEvery === 0))));
    return file;
  });
}

/** The audit's figures: its wall time against one check per export, estimated from a sample's median. */
export interface AuditFigures {
  exports: number;
  resourcesPerExport: number;
  failing: number;
  auditMs: number;
  /** Median wall time of one `check --state` over the sampled exports. */
  checkPerExportMs: number;
  sampled: number;
  /** checkPerExportMs × exports: an extrapolation, not a measurement. */
  checksExtrapolatedMs: number;
  checksOverAudit: number;
}

/** The figures of an audit of `exports` exports against checks of a sample of them, whose median one took `checkMedianMs`. */
export function auditFigures(
  exports: number,
  resourcesPerExport: number,
  failing: number,
  auditMs: number,
  sample: { checkMedianMs: number; sampled: number },
): AuditFigures {
  const extrapolated = sample.checkMedianMs * exports;
  return {
    exports,
    resourcesPerExport,
    failing,
    auditMs,
    checkPerExportMs: sample.checkMedianMs,
    sampled: sample.sampled,
    checksExtrapolatedMs: extrapolated,
    checksOverAudit: perExportOverAudit(sample.checkMedianMs, exports, auditMs),
  };
}

/** How many times longer one run per export, each taking `perExportMs`, would take than the audit: an extrapolation. */
export function perExportOverAudit(perExportMs: number, exports: number, auditMs: number): number {
  return Number(((perExportMs * exports) / auditMs).toFixed(2));
}
