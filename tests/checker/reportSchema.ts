// The published schema of the JSON report (docs/pipeline-check-report.schema.json), compiled with ajv:
// every JSON report a test reads goes through parseReport, so a report that breaks the contract fails.
import Ajv from "ajv";
import * as fs from "fs";
import * as path from "path";

const readSchema = (name: string): object => JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "docs", name), "utf8")) as object;
const ajv = new Ajv({ allErrors: true });
const validate = ajv.compile(readSchema("pipeline-check-report.schema.json"));
// The audit's schema refers to the single report's by its $id, which compiling it registered.
const validateAudit = ajv.compile(readSchema("pipeline-check-audit.schema.json"));

/** The schema's complaints about a report, one string each: empty when it is valid. */
export function reportProblems(report: unknown): string[] {
  return validate(report) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}

/** Parses a JSON report and throws, listing every problem, unless it is valid against the schema. */
export function parseReport<T = Record<string, unknown>>(text: string): T {
  const report = JSON.parse(text) as unknown;
  const problems = reportProblems(report);
  if (problems.length > 0) {
    throw new Error(`JSON report does not match docs/pipeline-check-report.schema.json: ${problems.join("; ")}`);
  }
  return report as T;
}

/** The audit schema's complaints about an audit report (docs/pipeline-check-audit.schema.json): empty when it is valid. */
export function auditProblems(report: unknown): string[] {
  return validateAudit(report) ? [] : (validateAudit.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}

/** Parses a JSON audit report and throws, listing every problem, unless it is valid against the audit schema. */
export function parseAudit<T = Record<string, unknown>>(text: string): T {
  const report = JSON.parse(text) as unknown;
  const problems = auditProblems(report);
  if (problems.length > 0) {
    throw new Error(`JSON audit report does not match docs/pipeline-check-audit.schema.json: ${problems.join("; ")}`);
  }
  return report as T;
}

/** The report's top-level keys, in the order the versioned contract writes them. */
export const REPORT_KEYS = [
  "schemaVersion",
  "tool",
  "pack",
  "resources",
  "violations",
  "waived",
  "undecided",
  "remediated",
  "unansweredFunctions",
];
