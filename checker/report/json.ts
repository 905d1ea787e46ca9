// The --format json document: exactly the report object, nothing else (timings stay out).
import type { CheckReport } from "../types";

export function toJson(report: CheckReport): string {
  const { resources, violations, waived, undecided, remediated, unansweredFunctions } = report;
  return `${JSON.stringify({ resources, violations, waived, undecided, remediated, unansweredFunctions }, null, 2)}\n`;
}
