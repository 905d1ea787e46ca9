// The published schemas of the JSON report (docs/pipeline-check-report.schema.json) and of the audit
// (docs/pipeline-check-audit.schema.json), compiled with ajv: every JSON report a test reads goes through
// parseReport or parseAudit, so a report that breaks the contract fails.
import Ajv, { type ValidateFunction } from "ajv";
import * as fs from "fs";
import * as path from "path";

const readSchema = (name: string): object => JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "docs", name), "utf8")) as object;
const ajv = new Ajv({ allErrors: true });
const validate = ajv.compile(readSchema("pipeline-check-report.schema.json"));
// The audit's schema refers to the single report's by its $id, which compiling it registered.
const validateAudit = ajv.compile(readSchema("pipeline-check-audit.schema.json"));

/** What a compiled schema says about a document, one string each: empty when it is valid. */
function problemsOf(check: ValidateFunction, doc: unknown): string[] {
  return check(doc) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}

/** Parses JSON and throws, listing every problem, unless it is valid against the schema `check` compiled from `file`. */
function parseWith<T>(check: ValidateFunction, file: string, text: string): T {
  const doc = JSON.parse(text) as unknown;
  const problems = problemsOf(check, doc);
  if (problems.length > 0) {
    throw new Error(`JSON report does not match docs/${file}: ${problems.join("; ")}`);
  }
  return doc as T;
}

/** The schema's complaints about a report, one string each: empty when it is valid. */
export function reportProblems(report: unknown): string[] {
  return problemsOf(validate, report);
}

/** Parses a JSON report and throws, listing every problem, unless it is valid against the schema. */
export function parseReport<T = Record<string, unknown>>(text: string): T {
  return parseWith<T>(validate, "pipeline-check-report.schema.json", text);
}

/** The audit schema's complaints about an audit report (docs/pipeline-check-audit.schema.json): empty when it is valid. */
export function auditProblems(report: unknown): string[] {
  return problemsOf(validateAudit, report);
}

/** Parses a JSON audit report and throws, listing every problem, unless it is valid against the audit schema. */
export function parseAudit<T = Record<string, unknown>>(text: string): T {
  return parseWith<T>(validateAudit, "pipeline-check-audit.schema.json", text);
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
